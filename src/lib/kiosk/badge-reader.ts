import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { ASSET_PATHS } from '../vision/runtime.js';
import type { FrameSource, PersonBox } from '../vision/types.js';

/** Badge crops wider than this are scaled down: a QR code on a chest needs no more. */
const MAX_CROP_PX = 480;

let prepared = false;

/** Where a badge is worn: chest to waist (lanyard or clip), across the person's width. */
export const badgeRegion = (p: PersonBox) => ({ x: p.x, y: p.y + p.h * 0.1, w: p.w, h: p.h * 0.5 });

/**
 * Reads QR codes and barcodes on the badge area of a person (chest to waist) with ZXing-C++ in
 * WebAssembly. The WASM file comes from this server (`/vendor/zxing/`), never from a CDN.
 */
export function createBadgeReader() {
  if (!prepared) {
    prepareZXingModule({
      overrides: {
        locateFile: (file: string, prefix: string) =>
          file.endsWith('.wasm') ? `${ASSET_PATHS.vendor}zxing/${file}` : prefix + file,
      },
    });
    prepared = true;
  }
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  return {
    /** The texts of the codes on this person's badge area; empty when none is readable. */
    async read(frame: FrameSource, p: PersonBox): Promise<string[]> {
      const region = badgeRegion(p);
      const k = Math.min(1, MAX_CROP_PX / Math.max(region.w, 1));
      canvas.width = Math.max(1, Math.round(region.w * k));
      canvas.height = Math.max(1, Math.round(region.h * k));
      ctx.drawImage(frame, region.x, region.y, region.w, region.h, 0, 0, canvas.width, canvas.height);
      const found = await readBarcodes(ctx.getImageData(0, 0, canvas.width, canvas.height), {
        formats: ['QRCode', 'MicroQRCode', 'DataMatrix', 'Code128', 'Code39'],
        tryHarder: true,
        maxNumberOfSymbols: 2,
      });
      return found.filter((r) => r.isValid).map((r) => r.text.trim());
    },
  };
}
