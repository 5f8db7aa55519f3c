import type { Xyxy } from './geometry.js';

const HUE_BINS = 8;
const SAT_BINS = 3;
/** hue × saturation bins for the torso, then the same for the legs, and a grey bin for each */
export const APPEARANCE_DIMS = 2 * (HUE_BINS * SAT_BINS + 1);

/**
 * What a person's clothes look like, for re-identification: hue–saturation histograms of the torso
 * (20–55 % of the box height) and the legs (55–95 %), from an RGBA picture (a small copy of the
 * frame is enough) with the box in that picture's pixels. Near-grey pixels (white, grey, black
 * clothes) count in one grey bin per part, since their hue means nothing. Brightness is left out, so
 * a person walking from light into shade keeps their signature. L2-normalised; compare by cosine.
 */
export function colourSignature(rgba: Uint8ClampedArray, width: number, height: number, box: Xyxy): Float32Array {
  const out = new Float32Array(APPEARANCE_DIMS);
  const half = HUE_BINS * SAT_BINS + 1;
  const x1 = Math.max(0, Math.floor(box[0] + (box[2] - box[0]) * 0.2));
  const x2 = Math.min(width, Math.ceil(box[2] - (box[2] - box[0]) * 0.2));
  const h = box[3] - box[1];
  const parts = [
    [box[1] + 0.2 * h, box[1] + 0.55 * h],
    [box[1] + 0.55 * h, box[1] + 0.95 * h],
  ] as const;
  parts.forEach(([top, bottom], part) => {
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(height, Math.ceil(bottom)); y++) {
      for (let x = x1; x < x2; x++) {
        const i = 4 * (y * width + x);
        const [r, g, b] = [rgba[i]! / 255, rgba[i + 1]! / 255, rgba[i + 2]! / 255];
        const max = Math.max(r, g, b);
        const min = Math.min(r, g, b);
        const sat = max === 0 ? 0 : (max - min) / max;
        if (sat < 0.15 || max < 0.12) {
          out[part * half + half - 1]! += 1;
          continue;
        }
        const d = max - min;
        const hue = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
        const hb = Math.min(HUE_BINS - 1, Math.floor((hue / 6) * HUE_BINS));
        const sb = Math.min(SAT_BINS - 1, Math.floor(((sat - 0.15) / 0.85) * SAT_BINS));
        out[part * half + hb * SAT_BINS + sb]! += 1;
      }
    }
  });
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}
