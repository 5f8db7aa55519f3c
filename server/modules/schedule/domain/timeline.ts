import { InvalidInput } from '../../../../src/lib/shared/errors.js';

/** Seconds since factory-local midnight. */
export type DaySec = number;

export interface BreakSpec {
  /** factory-local `HH:MM` or `HH:MM:SS` */
  start: string;
  durationMin: number;
}

export interface ShiftSpec {
  workStart: string;
  workEnd: string;
  breaks: readonly BreakSpec[];
  indices: number;
  /** `equal`: N indices of equal net time; `fixed`: each `fixedMinutes` net, the last ends at work end. */
  mode: 'equal' | 'fixed';
  fixedMinutes?: number | null;
}

/** Seed 000's day: 08:00–17:00, breaks at 10:00 and 15:00 (15 min each), 11 equal indices. */
export const SEED_SHIFT: ShiftSpec = {
  workStart: '08:00',
  workEnd: '17:00',
  breaks: [
    { start: '10:00', durationMin: 15 },
    { start: '15:00', durationMin: 15 },
  ],
  indices: 11,
  mode: 'equal',
};

export interface Segment {
  start: DaySec;
  end: DaySec;
}

export interface IndexSlot {
  index: number;
  segments: Segment[];
  netSeconds: number;
}

export interface Timeline {
  workStart: DaySec;
  workEnd: DaySec;
  breaks: Segment[];
  indices: IndexSlot[];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function parseDaySec(value: string, field: string): DaySec {
  const m = TIME.exec(value);
  if (!m)
    throw new InvalidInput(field, `"${value}" is not a time of day (HH:MM or HH:MM:SS)`, {
      key: 'timeOfDay',
      params: { value },
    });
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

export function formatDaySec(sec: DaySec): string {
  const s = Math.round(sec);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function validateBreaks(spec: ShiftSpec, workStart: DaySec, workEnd: DaySec): Segment[] {
  const breaks = spec.breaks.map((b, i) => {
    const start = parseDaySec(b.start, `breaks[${i}].start`);
    if (!Number.isFinite(b.durationMin) || b.durationMin <= 0) {
      throw new InvalidInput(`breaks[${i}].durationMin`, 'must be a positive number of minutes', {
        key: 'positiveMinutes',
      });
    }
    const end = start + Math.round(b.durationMin * 60);
    if (start <= workStart || end >= workEnd) {
      throw new InvalidInput(`breaks[${i}].start`, 'break must lie strictly inside the shift', {
        key: 'breakInsideShift',
      });
    }
    return { start, end, i };
  });
  const sorted = [...breaks].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.start < sorted[k - 1]!.end) {
      throw new InvalidInput(`breaks[${sorted[k]!.i}].start`, `overlaps breaks[${sorted[k - 1]!.i}]`, {
        key: 'breakOverlap',
        params: { other: sorted[k - 1]!.i + 1 },
      });
    }
  }
  return sorted.map(({ start, end }) => ({ start, end }));
}

/** The stretches of the shift that are work time, in order: the shift minus its breaks. */
function workStretches(workStart: DaySec, workEnd: DaySec, breaks: Segment[]): Segment[] {
  const out: Segment[] = [];
  let cursor = workStart;
  for (const b of breaks) {
    if (b.start > cursor) out.push({ start: cursor, end: b.start });
    cursor = b.end;
  }
  if (workEnd > cursor) out.push({ start: cursor, end: workEnd });
  return out;
}

/** Net-time boundaries (seconds of work since work start) of each index, first 0, last = net. */
function netBoundaries(spec: ShiftSpec, netSec: number): number[] {
  if (!Number.isInteger(spec.indices) || spec.indices < 1) {
    throw new InvalidInput('indices', 'must be a whole number of at least 1', { key: 'indicesWhole' });
  }
  if (spec.indices > Math.floor(netSec / 60)) {
    throw new InvalidInput('indices', `${spec.indices} indices do not fit in ${Math.floor(netSec / 60)} net minutes`, {
      key: 'indicesFit',
      params: { indices: spec.indices, minutes: Math.floor(netSec / 60) },
    });
  }
  if (spec.mode === 'equal') {
    // Whole seconds: boundaries are rounded from the exact fractions, so lengths differ by at
    // most one second and always sum to the net work time.
    return Array.from({ length: spec.indices + 1 }, (_, k) => Math.round((k * netSec) / spec.indices));
  }
  const minutes = spec.fixedMinutes;
  if (minutes === undefined || minutes === null || !Number.isFinite(minutes) || minutes <= 0) {
    throw new InvalidInput('fixedMinutes', 'is required in fixed mode and must be positive', {
      key: 'fixedMinutes',
    });
  }
  const each = Math.round(minutes * 60);
  if (each * (spec.indices - 1) >= netSec) {
    throw new InvalidInput(
      'fixedMinutes',
      `${spec.indices - 1} indices of ${minutes} min leave no time for index ${spec.indices}`,
      { key: 'fixedMinutesFit', params: { before: spec.indices - 1, minutes, last: spec.indices } },
    );
  }
  const b = Array.from({ length: spec.indices }, (_, k) => k * each);
  b.push(netSec);
  return b;
}

/** Maps a span of net work time onto wall-clock segments, skipping the breaks. */
function toSegments(stretches: Segment[], fromNet: number, toNet: number): Segment[] {
  const segments: Segment[] = [];
  let netAtStart = 0;
  for (const s of stretches) {
    const len = s.end - s.start;
    const lo = Math.max(fromNet, netAtStart);
    const hi = Math.min(toNet, netAtStart + len);
    if (hi > lo) segments.push({ start: s.start + (lo - netAtStart), end: s.start + (hi - netAtStart) });
    netAtStart += len;
  }
  return segments;
}

/**
 * Splits a shift into work indices of net work time (breaks excluded). An index that meets a
 * break is paused and resumes after it, so it has several segments.
 */
export function computeTimeline(spec: ShiftSpec): Timeline {
  const workStart = parseDaySec(spec.workStart, 'workStart');
  const workEnd = parseDaySec(spec.workEnd, 'workEnd');
  if (workEnd <= workStart)
    throw new InvalidInput('workEnd', 'must be after workStart', {
      key: 'endAfterStart',
    });
  const breaks = validateBreaks(spec, workStart, workEnd);
  const stretches = workStretches(workStart, workEnd, breaks);
  const netSec = stretches.reduce((sum, s) => sum + (s.end - s.start), 0);
  const bounds = netBoundaries(spec, netSec);
  const indices = bounds.slice(1).map((end, k) => ({
    index: k + 1,
    segments: toSegments(stretches, bounds[k]!, end),
    netSeconds: end - bounds[k]!,
  }));
  return { workStart, workEnd, breaks, indices };
}

/** The stored and printed form of a timeline: factory-local HH:MM:SS segments and net minutes. */
export function timelineJson(t: Timeline) {
  return t.indices.map((i) => ({
    index: i.index,
    segments: i.segments.map((s) => ({ start: formatDaySec(s.start), end: formatDaySec(s.end) })),
    netMinutes: Math.round((i.netSeconds / 60) * 100) / 100,
  }));
}
