/**
 * How a source frame is fitted into a model's square input. `topleft` and `center` keep the aspect
 * ratio and pad the rest (YOLOX pads at the right and bottom); `stretch` scales each axis.
 */
export type FitMode = 'topleft' | 'center' | 'stretch';

export interface Fit {
  scaleX: number;
  scaleY: number;
  padX: number;
  padY: number;
  /** the drawn image's size inside the input */
  drawW: number;
  drawH: number;
}

export function fitInto(srcW: number, srcH: number, size: number, mode: FitMode): Fit {
  if (!(srcW > 0 && srcH > 0 && size > 0)) throw new RangeError('frame and input sizes must be positive');
  if (mode === 'stretch')
    return { scaleX: size / srcW, scaleY: size / srcH, padX: 0, padY: 0, drawW: size, drawH: size };
  const s = Math.min(size / srcW, size / srcH);
  const drawW = srcW * s;
  const drawH = srcH * s;
  const padX = mode === 'center' ? (size - drawW) / 2 : 0;
  const padY = mode === 'center' ? (size - drawH) / 2 : 0;
  return { scaleX: s, scaleY: s, padX, padY, drawW, drawH };
}

/** A point in model-input pixels back to source pixels. */
export function toSource(fit: Fit, x: number, y: number): [number, number] {
  return [(x - fit.padX) / fit.scaleX, (y - fit.padY) / fit.scaleY];
}
