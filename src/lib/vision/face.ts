import { blazefaceAnchors, decodeBlazeface, type RawFace } from './blazeface-decode.js';
import { ASSET_PATHS, type RuntimeInfo } from './runtime.js';
import { initTfjs, type GraphModel, type Tf } from './tfjs-runtime.js';
import { laplacianVariance, yawFromLandmarks } from '../identity/photo-quality.js';
import type { PhotoQuality } from '../protocol/identity.js';
import { nms } from './nms.js';
import { ModelLoadError, type FrameSource, type PersonBox } from './types.js';

export interface FaceResult {
  /** the face in source pixels */
  box: { x: number; y: number; w: number; h: number };
  score: number;
  /** eye line angle the crop was straightened by, radians */
  rollRad: number;
  /** 1024-d faceres descriptor, L2-normalised: compare with cosine similarity */
  embedding: Float32Array;
}

const DETECT_SIZE = 256;
const EMBED_SIZE = 224;

async function load(tf: Tf, name: string): Promise<GraphModel> {
  try {
    return await tf.loadGraphModel(`${ASSET_PATHS.models}${name}.json`);
  } catch (err) {
    throw new ModelLoadError(name, err instanceof Error ? err.message : String(err));
  }
}

function canvas(size: number) {
  const c = new OffscreenCanvas(size, size);
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  return { c, ctx };
}

/**
 * Face identity for tracked people: BlazeFace on the head region of a person box, then the faceres
 * descriptor of the face straightened by its eye line. The kiosk runs it per track every few frames
 * until the person is identified.
 */
export async function createFaceEmbedder(runtime: RuntimeInfo, minFaceScore = 0.6) {
  const tf = await initTfjs(runtime);
  const [detector, describer] = await Promise.all([load(tf, 'blazeface'), load(tf, 'faceres')]);
  const anchors = blazefaceAnchors(DETECT_SIZE);
  const head = canvas(DETECT_SIZE);
  const face = canvas(EMBED_SIZE);

  /** The square around the top of a person box where the head should be, in source pixels. */
  function headRegion(p: PersonBox) {
    const side = Math.max(p.w, p.h * 0.35);
    return { x: p.x + p.w / 2 - side / 2, y: p.y - side * 0.1, side };
  }

  async function detectAll(frame: FrameSource, region: { x: number; y: number; side: number }): Promise<RawFace[]> {
    head.ctx.fillStyle = 'black';
    head.ctx.fillRect(0, 0, DETECT_SIZE, DETECT_SIZE);
    head.ctx.drawImage(frame, region.x, region.y, region.side, region.side, 0, 0, DETECT_SIZE, DETECT_SIZE);
    const outputs = tf.tidy(() => {
      const pixels = tf.expandDims(
        tf.cast(tf.browser.fromPixels(head.c as unknown as HTMLCanvasElement), 'float32'),
        0,
      );
      const input = tf.sub(tf.div(pixels, 127.5), 1);
      const res = detector.execute(input) as ReturnType<Tf['tensor']> | ReturnType<Tf['tensor']>[];
      if (!Array.isArray(res)) return tf.squeeze(res);
      // This conversion splits scores and boxes per anchor grid: [1,512,1], [1,384,1], [1,512,16], [1,384,16].
      const [s384, s512, b384, b512] = [...res].sort((a, b) => a.size - b.size) as [
        ReturnType<Tf['tensor']>,
        ReturnType<Tf['tensor']>,
        ReturnType<Tf['tensor']>,
        ReturnType<Tf['tensor']>,
      ];
      return tf.squeeze(tf.concat([tf.concat([s512, b512], 2), tf.concat([s384, b384], 2)], 1));
    });
    const rows = (await outputs.data()) as Float32Array;
    outputs.dispose();
    // Neighbouring anchors report the same face: one box per face.
    const raw = decodeBlazeface(rows, anchors, minFaceScore);
    const boxes = raw.map((f) => ({ x: f.cx - f.w / 2, y: f.cy - f.h / 2, w: f.w, h: f.h, score: f.score }));
    const kept = new Set(nms(boxes, 0.3));
    return raw.filter((_, i) => kept.has(boxes[i]!));
  }

  const detect = async (frame: FrameSource, region: { x: number; y: number; side: number }) =>
    (await detectAll(frame, region))[0] ?? null;

  /** The straightened face crop's sharpness: variance of its Laplacian in grey. */
  function cropSharpness(): number {
    const { data } = face.ctx.getImageData(0, 0, EMBED_SIZE, EMBED_SIZE);
    const grey = new Float32Array(EMBED_SIZE * EMBED_SIZE);
    for (let i = 0; i < grey.length; i++)
      grey[i] = 0.299 * data[4 * i]! + 0.587 * data[4 * i + 1]! + 0.114 * data[4 * i + 2]!;
    return laplacianVariance(grey, EMBED_SIZE, EMBED_SIZE);
  }

  async function describe(frame: FrameSource, f: RawFace, region: { x: number; y: number; side: number }) {
    const k = region.side / DETECT_SIZE;
    const [rex, rey, lex, ley] = [f.landmarks[0]!, f.landmarks[1]!, f.landmarks[2]!, f.landmarks[3]!];
    const roll = Math.atan2(ley - rey, lex - rex);
    const cx = region.x + f.cx * k;
    const cy = region.y + f.cy * k;
    const size = Math.max(f.w, f.h) * k;
    // Straighten the face about its centre so the eyes are level, then scale it to the input.
    face.ctx.setTransform(1, 0, 0, 1, 0, 0);
    face.ctx.fillStyle = 'black';
    face.ctx.fillRect(0, 0, EMBED_SIZE, EMBED_SIZE);
    face.ctx.translate(EMBED_SIZE / 2, EMBED_SIZE / 2);
    face.ctx.rotate(-roll);
    face.ctx.scale(EMBED_SIZE / size, EMBED_SIZE / size);
    face.ctx.drawImage(frame, -cx, -cy);
    face.ctx.setTransform(1, 0, 0, 1, 0, 0);
    const outputs = tf.tidy(() => {
      const input = tf.expandDims(tf.cast(tf.browser.fromPixels(face.c as unknown as HTMLCanvasElement), 'float32'), 0);
      return describer.execute(input) as ReturnType<Tf['tensor']>[];
    });
    const descriptor = outputs.find((t) => t.shape[1] === 1024);
    if (!descriptor) throw new ModelLoadError('faceres', 'no 1024-d output');
    const v = (await descriptor.data()) as Float32Array;
    outputs.forEach((t) => t.dispose());
    const norm = Math.hypot(...v) || 1;
    return {
      box: { x: cx - size / 2, y: cy - size / 2, w: size, h: size },
      score: f.score,
      rollRad: roll,
      embedding: v.map((x) => x / norm),
    };
  }

  return {
    /** The face of a detected person and its embedding, or null when no face is seen. */
    async embed(frame: FrameSource, person: PersonBox): Promise<FaceResult | null> {
      const region = headRegion(person);
      const f = await detect(frame, region);
      return f ? describe(frame, f, region) : null;
    },
    /**
     * An enrolment photo: every face in it, and for the largest its embedding, its quality
     * measures and the straightened 224 px crop (as JPEG, for the enrolment record).
     */
    async analyse(
      frame: FrameSource,
      width: number,
      height: number,
    ): Promise<{
      quality: PhotoQuality;
      face: FaceResult | null;
      crop: Blob | null;
      /** every face found, in the photo's pixels */
      boxes: { x: number; y: number; w: number; h: number }[];
    }> {
      const side = Math.max(width, height);
      const region = { x: (width - side) / 2, y: (height - side) / 2, side };
      const faces = await detectAll(frame, region);
      const biggest = [...faces].sort((a, b) => b.w * b.h - a.w * a.h)[0];
      const k = side / DETECT_SIZE;
      const boxes = faces.map((f) => ({
        x: region.x + (f.cx - f.w / 2) * k,
        y: region.y + (f.cy - f.h / 2) * k,
        w: f.w * k,
        h: f.h * k,
      }));
      if (!biggest)
        return {
          quality: { faces: 0, faceSizePx: 0, sharpness: 0, yaw: 0, rollRad: 0 },
          face: null,
          crop: null,
          boxes,
        };
      const result = await describe(frame, biggest, region);
      const lm = biggest.landmarks;
      const quality: PhotoQuality = {
        faces: faces.length,
        faceSizePx: Math.max(biggest.w, biggest.h) * k,
        sharpness: cropSharpness(),
        yaw: yawFromLandmarks([lm[0]!, lm[1]!], [lm[2]!, lm[3]!], [lm[4]!, lm[5]!]),
        rollRad: result.rollRad,
      };
      return { quality, face: result, crop: await face.c.convertToBlob({ type: 'image/jpeg', quality: 0.85 }), boxes };
    },
    /** The embedding of a face already located (e.g. at enrolment, where the box is drawn by hand). */
    describeAt(frame: FrameSource, box: { x: number; y: number; w: number; h: number }): Promise<FaceResult> {
      const side = Math.max(box.w, box.h);
      const region = { x: box.x + box.w / 2 - side / 2, y: box.y + box.h / 2 - side / 2, side };
      const landmarks = new Float32Array(12);
      // No landmarks: a level eye line, so no straightening.
      landmarks.set([0, DETECT_SIZE / 2, DETECT_SIZE, DETECT_SIZE / 2]);
      return describe(
        frame,
        { cx: DETECT_SIZE / 2, cy: DETECT_SIZE / 2, w: DETECT_SIZE, h: DETECT_SIZE, score: 1, landmarks },
        region,
      );
    },
    dispose() {
      detector.dispose();
      describer.dispose();
    },
  };
}
export type FaceEmbedder = Awaited<ReturnType<typeof createFaceEmbedder>>;
