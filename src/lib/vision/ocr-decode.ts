/** A text line found by the detector, in the detector's input pixels. */
export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** mean probability of its pixels */
  score: number;
}

/**
 * DBNet's probability map → text boxes: pixels above `threshold` grouped into 4-connected regions,
 * each region's bounding box grown by DB's unclip distance (area × ratio / perimeter), since the
 * map marks a shrunk core of each text line.
 */
export function textBoxes(
  prob: Float32Array,
  width: number,
  height: number,
  opts: { threshold: number; minScore: number; minArea: number; unclipRatio: number },
): TextBox[] {
  const seen = new Uint8Array(width * height);
  const out: TextBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || prob[start]! <= opts.threshold) continue;
    let [x1, y1, x2, y2, n, sum] = [width, height, 0, 0, 0, 0];
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x), Math.max(y2, y)];
      n++;
      sum += prob[i]!;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (j < 0 || j >= prob.length || seen[j] || prob[j]! <= opts.threshold) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const [w, h] = [x2 - x1 + 1, y2 - y1 + 1];
    if (n < opts.minArea || sum / n < opts.minScore) continue;
    const d = (w * h * opts.unclipRatio) / (2 * (w + h));
    const bx = Math.max(0, x1 - d);
    const by = Math.max(0, y1 - d);
    out.push({
      x: bx,
      y: by,
      w: Math.min(width, x2 + 1 + d) - bx,
      h: Math.min(height, y2 + 1 + d) - by,
      score: sum / n,
    });
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * CTC greedy decoding of a recogniser's output ([steps × classes] probabilities): the best class
 * per step, repeats merged, blanks (class 0) dropped; class k is `dict[k - 1]`. The score is the
 * mean probability of the kept characters.
 */
export function ctcGreedy(probs: Float32Array, steps: number, classes: number, dict: readonly string[]) {
  let text = '';
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[t * classes + c]! > probs[t * classes + best]!) best = c;
    if (best !== 0 && best !== prev) {
      text += dict[best - 1] ?? '';
      sum += probs[t * classes + best]!;
      kept++;
    }
    prev = best;
  }
  return { text, score: kept ? sum / kept : 0 };
}

/** A badge id as printed and as stored, compared without case, spaces or punctuation. */
export const badgeKey = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');
