import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createByteTracker } from './byte-tracker.js';
import { parseMot } from './mot-format.js';
import { evaluateMot } from './mot-metrics.js';
import { trackSequence } from './mot-sequence.js';

const MOT = '../shared/eval/mot';
const load = (file: string, minConfidence?: number) => parseMot(readFileSync(file, 'utf8'), minConfidence);

describe('MOT metrics reproduce py-motmetrics', () => {
  it.each([
    { seq: 'TUD-Campus', mota: 52.6, idf1: 55.8, fp: 13, fn: 150, ids: 7, motp: 0.277 },
    { seq: 'TUD-Stadtmitte', mota: 56.4, idf1: 64.5, fp: 45, fn: 452, ids: 7, motp: 0.346 },
  ])('$seq', ({ seq, mota, idf1, fp, fn, ids, motp }) => {
    const dir = `${MOT}/motmetrics-ref/${seq}`;
    const s = evaluateMot(load(`${dir}/gt.txt`, 1), load(`${dir}/test.txt`));
    expect(Math.abs(s.mota * 100 - mota)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(s.idf1 * 100 - idf1)).toBeLessThanOrEqual(0.1);
    expect(s.numFalsePositives).toBe(fp);
    expect(s.numMisses).toBe(fn);
    expect(s.numSwitches).toBe(ids);
    expect(s.motp).toBeCloseTo(motp, 3);
  });

  it('scores a perfect tracker 100 % and an empty one 0 %', () => {
    const gt = load(`${MOT}/motmetrics-ref/TUD-Campus/gt.txt`, 1);
    expect(evaluateMot(gt, gt)).toMatchObject({ mota: 1, idf1: 1, numSwitches: 0, numFalsePositives: 0, numMisses: 0 });
    expect(evaluateMot(gt, [])).toMatchObject({ mota: 0, idf1: 0, numMisses: gt.length });
  });
});

// SORT's MOTA on the same public detections (shared/eval/mot/README.md): the floor to stay above.
const SORT_MOTA: Record<string, number> = {
  'TUD-Campus': 62.7,
  'TUD-Stadtmitte': 71.7,
  'KITTI-13': 19.3,
  'KITTI-17': 60.2,
  'ETH-Sunnyday': 59.1,
  'ETH-Bahnhof': 44.6,
  'ADL-Rundle-6': 38.1,
  'PETS09-S2L1': 61.9,
};

describe('ByteTrack on MOT15 public detections', () => {
  const seqs = existsSync(`${MOT}/mot15`) ? readdirSync(`${MOT}/mot15`).filter((s) => s in SORT_MOTA) : [];
  it('has the shared sequences to run on', () => expect(seqs.length).toBe(Object.keys(SORT_MOTA).length));
  it.each(seqs)('%s: MOTA at least SORT’s', (seq) => {
    const dets = load(`${MOT}/mot15/${seq}/det/det.txt`);
    const gt = load(`${MOT}/mot15/${seq}/gt/gt.txt`, 1);
    const last = Math.max(...dets.map((d) => d.frame), ...gt.map((g) => g.frame));
    const s = evaluateMot(gt, trackSequence(dets, createByteTracker(), last));
    expect(Math.round(s.mota * 1000) / 10).toBeGreaterThanOrEqual(SORT_MOTA[seq]!);
  });
});
