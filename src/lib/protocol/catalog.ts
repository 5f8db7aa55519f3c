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

/** What an admin changes on a worker; `active: false` deactivates (history stays). */
export const WorkerUpdateRequest = z
  .object({
    name: z.string().trim().min(1).max(255),
    badgeId: z.string().trim().min(1).max(50).nullable(),
    shift: z.enum(['morning', 'afternoon', 'night']).nullable(),
    skillLevel: z.enum(['beginner', 'intermediate', 'expert']).nullable(),
    stationAssignments: z.array(z.string().min(1).max(50)).max(50).describe('zone ids this worker is assigned to'),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((w) => Object.keys(w).length > 0, 'give at least one field to change');
export type WorkerUpdateRequest = z.infer<typeof WorkerUpdateRequest>;

/** A worker as `GET /api/v1/workers` answers. */
export interface WorkerDto {
  workerId: string;
  name: string;
  badgeId: string | null;
  shift: string | null;
  skillLevel: string | null;
  active: boolean;
  /** zone ids the worker is assigned to */
  stationAssignments: string[];
}

const CameraIdField = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain letters, digits, dash and underscore');

/** Where a camera's picture comes from: an RTSP URL, a USB device (the server's, or `kiosk:` for a kiosk PC's), or a file. */
export const CameraSource = z.discriminatedUnion('sourceKind', [
  z.object({
    sourceKind: z.literal('rtsp'),
    rtspUrl: z
      .string()
      .trim()
      .regex(/^rtsps?:\/\/\S+$/, 'must be an rtsp:// URL')
      .max(500),
  }),
  z.object({
    sourceKind: z.literal('usb'),
    usbDevice: z
      .string()
      .trim()
      .regex(/^(\/dev\/video\d+|kiosk:.{0,40})$/, 'must be /dev/videoN, or kiosk: and part of the device label')
      .max(50),
  }),
  z.object({ sourceKind: z.literal('file'), filePath: z.string().trim().min(1).max(500) }),
]);
export type CameraSource = z.infer<typeof CameraSource>;

export const CameraCreateRequest = z.intersection(
  z.object({
    cameraId: CameraIdField,
    name: z.string().trim().min(1).max(255),
    location: z.string().trim().max(255).nullable().default(null),
    resolution: z
      .string()
      .regex(/^\d{2,5}x\d{2,5}$/, 'must look like 1280x720')
      .default('1280x720'),
    fps: z.number().int().min(1).max(60).default(10),
  }),
  CameraSource,
);
export type CameraCreateRequest = z.infer<typeof CameraCreateRequest>;

/** One frame from a source, or ffmpeg's own words on why there is none. */
export type CameraTestResult = { ok: true; jpegBase64: string; ms: number } | { ok: false; error: string; ms: number };

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
    name: z.string().trim().min(1).max(255),
    location: z.string().trim().max(255).nullable(),
  })
  .partial();
export type CameraSettingsInput = z.infer<typeof CameraSettingsInput>;
