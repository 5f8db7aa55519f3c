import { z } from 'zod';

export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time of day, HH:MM or HH:MM:SS');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to 2 March; a date is real only if it reads back the same.
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
  }, 'is not a calendar date');

export const BreakInput = z.object({
  start: TimeOfDay.describe('factory-local start'),
  durationMin: z.number().positive().max(600),
});

/** A day's (or a weekday's) shift as a supervisor edits it. */
export const ScheduleInput = z.object({
  working: z.boolean().default(true),
  workStart: TimeOfDay,
  workEnd: TimeOfDay,
  breaks: z.array(BreakInput).max(12).default([]),
  indices: z.number().int().min(1).max(100).default(11),
  mode: z.enum(['equal', 'fixed']).default('equal'),
  fixedMinutes: z.number().positive().max(1440).nullable().default(null),
  notes: z.string().max(2000).nullable().default(null),
});
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const Segment = z.object({
  start: z.string().describe('factory-local HH:MM:SS'),
  end: z.string(),
  startAt: z.string().describe('UTC instant, ISO 8601'),
  endAt: z.string(),
});

export const TimelineDto = z.object({
  date: IsoDate,
  timeZone: z.string(),
  working: z.boolean(),
  source: z.enum(['date', 'template']),
  schedule: ScheduleInput,
  indices: z.array(
    z.object({ index: z.number().int(), segments: z.array(Segment), netMinutes: z.number(), netSeconds: z.number() }),
  ),
  breaks: z.array(Segment).describe('breaks as they happen, overrides applied'),
});
export type TimelineDto = z.infer<typeof TimelineDto>;

export const IndexStateDto = z.object({
  date: IsoDate,
  state: z.enum(['before_shift', 'index', 'break', 'after_shift', 'day_off']),
  index: z.number().int().nullable(),
  total: z.number().int(),
  /** when the current index, break or wait ends (UTC ISO), null after the shift */
  endsAt: z.string().nullable(),
  /** whole seconds until `endsAt` */
  remainingSec: z.number().int().nullable(),
  /** the next boundary of any kind (segment, break, index), UTC ISO; null after the shift */
  nextChangeAt: z.string().nullable(),
});
export type IndexStateDto = z.infer<typeof IndexStateDto>;

export const BreakOverrideInput = z.object({
  action: z.enum(['start', 'end', 'extend']),
  minutes: z.number().int().positive().max(240).nullable().default(null),
  reason: z.string().max(500).nullable().default(null),
});
export type BreakOverrideInput = z.infer<typeof BreakOverrideInput>;
