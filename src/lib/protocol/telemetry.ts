import { z } from 'zod';

/** What a kiosk reports about its inference runtime; shown in /health `gpu` and the system page. */
export const KioskTelemetry = z.object({
  backend: z.enum(['webgpu', 'wasm', 'webgl', 'cpu']).describe('runtime the kiosk chose'),
  adapter: z.string().max(200).nullable().describe('GPU adapter description, null on WASM'),
  models: z
    .array(
      z.object({
        model: z.string().min(1).max(100),
        inferenceMs: z.number().nonnegative().describe('median inference time per frame, ms'),
        fps: z.number().nonnegative(),
      }),
    )
    .max(20),
  errors: z
    .array(z.object({ model: z.string().max(100), message: z.string().max(500) }))
    .max(20)
    .default([])
    .describe('models the kiosk could not load'),
});
export type KioskTelemetry = z.infer<typeof KioskTelemetry>;
