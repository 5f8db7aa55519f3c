/** A face found by BlazeFace, in the detector's input pixels. */
export interface RawFace {
  cx: number;
  cy: number;
  w: number;
  h: number;
  score: number;
  /** 6 landmarks × [x, y]: right eye, left eye, nose, mouth, right ear, left ear */
  landmarks: Float32Array;
}

/**
 * BlazeFace (back camera, 256 input) anchors as MediaPipe lays them out: a 16-pixel grid with 2
 * anchors per cell, then a 32-pixel grid with 6, each at its cell's centre.
 */
export function blazefaceAnchors(inputSize: number): Float32Array {
  const spec = [
    { stride: inputSize / 16, count: 2 },
    { stride: inputSize / 8, count: 6 },
  ];
  const out: number[] = [];
  for (const { stride, count } of spec) {
    const cells = Math.ceil(inputSize / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        for (let n = 0; n < count; n++) out.push(stride * (gx + 0.5), stride * (gy + 0.5));
      }
    }
  }
  return new Float32Array(out);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Decodes rows of [logit, dx, dy, w, h, 6 × (x, y)] (offsets from each anchor, input pixels) into
 * faces scoring at least `minScore`.
 */
export function decodeBlazeface(rows: Float32Array, anchors: Float32Array, minScore: number): RawFace[] {
  const n = anchors.length / 2;
  if (rows.length !== n * 17) throw new RangeError(`BlazeFace output has ${rows.length / 17} rows for ${n} anchors`);
  const faces: RawFace[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * 17;
    const score = sigmoid(rows[o]!);
    if (score < minScore) continue;
    const [ax, ay] = [anchors[2 * i]!, anchors[2 * i + 1]!];
    const landmarks = new Float32Array(12);
    for (let k = 0; k < 6; k++) {
      landmarks[2 * k] = rows[o + 5 + 2 * k]! + ax;
      landmarks[2 * k + 1] = rows[o + 6 + 2 * k]! + ay;
    }
    faces.push({ cx: rows[o + 1]! + ax, cy: rows[o + 2]! + ay, w: rows[o + 3]!, h: rows[o + 4]!, score, landmarks });
  }
  return faces.sort((a, b) => b.score - a.score);
}
