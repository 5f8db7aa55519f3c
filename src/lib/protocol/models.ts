import { z } from 'zod';

export const ModelInfo = z.object({
  id: z.string().describe('what a kiosk asks for: centernet, movenet-multipose, or an .onnx file name'),
  kind: z.enum(['tfjs', 'onnx']),
  role: z.enum(['person', 'face-detect', 'face-embed', 'text-detect', 'text-recognise']),
  sizeBytes: z.number().int(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;
