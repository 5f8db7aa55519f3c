import { z } from 'zod';

export const WorkerId = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain letters, digits, dash and underscore');

export const WorkerCreateRequest = z.object({
  workerId: WorkerId,
  name: z.string().trim().min(1).max(255),
  badgeId: z.string().trim().min(1).max(50).nullable().default(null),
  shift: z.enum(['morning', 'afternoon', 'night']).nullable().default(null),
  skillLevel: z.enum(['beginner', 'intermediate', 'expert']).nullable().default(null),
});
export type WorkerCreateRequest = z.infer<typeof WorkerCreateRequest>;

/**
 * A USB camera plugged into a kiosk PC rather than the server: `usb_device` is `kiosk:` followed by
 * an optional part of the device's label (`kiosk:Logitech`). The kiosk opens it itself
 * (getUserMedia); the server's relay leaves it alone. Returns the label filter ('' for any camera),
 * or null for a camera the server pulls.
 */
export function kioskAttachedLabel(sourceKind: string, usbDevice: string | null): string | null {
  return sourceKind === 'usb' && usbDevice?.startsWith('kiosk:') ? usbDevice.slice('kiosk:'.length) : null;
}

/** What the calibration wizard changes on a camera. */
export const CameraSettingsInput = z
  .object({
    resolution: z.string().regex(/^\d{2,5}x\d{2,5}$/, 'must look like 1280x720'),
    fps: z.number().int().min(1).max(60),
    brightness: z.number().min(-1).max(1).describe('added to every pixel, -1..1; 0 leaves it'),
    contrast: z.number().min(0).max(3).describe('1 leaves it'),
    calibrated: z.literal(true).describe('the wizard finished: record who and when'),
  })
  .partial();
export type CameraSettingsInput = z.infer<typeof CameraSettingsInput>;
