import { z } from 'zod';

export const WatchRequest = z.object({
  cameraIds: z.array(z.string().min(1).max(50)).min(1).max(4),
});

export const AnswerRequest = z.object({
  viewerId: z.string().uuid(),
  sdp: z.string().min(1).max(100_000),
});

export const CameraStatusEvent = z.object({
  cameraId: z.string(),
  state: z.enum(['starting', 'online', 'offline', 'error']),
  message: z.string().nullable(),
});
export type CameraStatusEvent = z.infer<typeof CameraStatusEvent>;
