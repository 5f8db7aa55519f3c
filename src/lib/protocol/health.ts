import { z } from 'zod';
import { ModelInfo } from './models.js';
import { KioskTelemetry } from './telemetry.js';

export const CheckState = z.enum(['ok', 'down', 'disabled']);

export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  uptime: z.number().describe('seconds since the process started'),
  databases: z.object({
    postgres: CheckState,
    postgresKind: z.enum(['postgres', 'pglite']),
    redis: CheckState,
  }),
  cameras: z.array(
    z.object({ cameraId: z.string(), name: z.string(), status: z.string(), lastSeenAt: z.string().nullable() }),
  ),
  gpu: z.array(KioskTelemetry.extend({ kioskId: z.string(), name: z.string(), lastSeenAt: z.string() })),
  models: z.array(ModelInfo).describe('model files in MODEL_DIR and whether they are intact'),
  version: z.string(),
  ffmpeg: z.object({
    source: z.enum(['configured', 'system', 'npm']),
    path: z.string(),
    version: z.string().nullable(),
  }),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** What /health tells a caller without credentials: whether the service is up, nothing about the site. */
export const HealthSummary = HealthReport.pick({ status: true }).strict();
export type HealthSummary = z.infer<typeof HealthSummary>;
