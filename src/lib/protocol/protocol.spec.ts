import { describe, expect, it } from 'vitest';
import { controlCharPath } from '../shared/control-chars.js';
import { ObservationBatch } from './observations.js';
import { IsoDate } from './schedule.js';

describe('IsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('%s is a date: %s', (d, ok) => {
    expect(IsoDate.safeParse(d).success).toBe(ok);
  });
});

describe('controlCharPath', () => {
  it.each([
    [{ name: 'Somchai' }, null],
    [{ name: 'line one\nline two\ttab' }, null],
    [{ name: 'a\u0000b' }, 'body.name'],
    [{ rows: [{ note: 'ok' }, { note: '\u001b[31m' }] }, 'body.rows.1.note'],
    [{ n: 3, flag: true, none: null }, null],
  ])('%j → %s', (value, path) => {
    expect(controlCharPath(value, 'body')).toBe(path);
  });
});

describe('ObservationBatch', () => {
  const batch = (over: Record<string, unknown> = {}, box = [0.1, 0.1, 0.2, 0.3]) => ({
    kioskId: 'k',
    cameraId: 'CAM01',
    run: 1,
    seq: 1,
    frames: [{ ts: 1, tracks: [{ trackId: 1, box, zoneId: null, motion: 0, moving: false }] }],
    ...over,
  });
  it('takes a well-formed batch', () => {
    expect(ObservationBatch.safeParse(batch()).success).toBe(true);
  });
  it.each([
    ['x2 < x1', batch({}, [0.5, 0.1, 0.2, 0.3])],
    ['y2 = y1', batch({}, [0.1, 0.3, 0.2, 0.3])],
    ['seq past 2^31 − 1', batch({ seq: 2 ** 53 - 1 })],
    ['seq 0', batch({ seq: 0 })],
  ])('refuses %s', (_name, b) => {
    expect(ObservationBatch.safeParse(b).success).toBe(false);
  });
});
