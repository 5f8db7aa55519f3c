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
