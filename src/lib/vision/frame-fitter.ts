import { fitInto, type Fit, type FitMode } from './letterbox.js';
import type { FrameSource } from './types.js';

export function frameSize(f: FrameSource): { width: number; height: number } {
  if ('videoWidth' in f) return { width: f.videoWidth, height: f.videoHeight };
  if ('naturalWidth' in f) return { width: f.naturalWidth, height: f.naturalHeight };
  return { width: f.width, height: f.height };
}

/**
 * Draws a frame into a square canvas of the model's input size, fitted as the model expects, with
 * the padding filled in `padColor`. One canvas per detector is reused across frames.
 */
export function createFrameFitter(size: number, mode: FitMode, padColor: string) {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  return {
    canvas,
    draw(frame: FrameSource): { fit: Fit; pixels: ImageData; src: { width: number; height: number } } {
      const src = frameSize(frame);
      const fit = fitInto(src.width, src.height, size, mode);
      ctx.fillStyle = padColor;
      ctx.fillRect(0, 0, size, size);
      ctx.drawImage(frame, fit.padX, fit.padY, fit.drawW, fit.drawH);
      return { fit, pixels: ctx.getImageData(0, 0, size, size), src };
    },
  };
}
