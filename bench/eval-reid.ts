import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createByteTracker } from '../src/lib/tracking/byte-tracker.js';
import { parseMot, type MotRow } from '../src/lib/tracking/mot-format.js';
import { evaluateMot } from '../src/lib/tracking/mot-metrics.js';
import { trackSequence } from '../src/lib/tracking/mot-sequence.js';
import { withReIdentification } from '../src/lib/tracking/reid.js';

const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * ByteTrack with and without re-identification over the MOT15 sequences (public detections),
 * scored on their ground truth: overall IDF1 and identity switches. The MOT data has no pictures
 * here, so re-identification runs on geometry and motion alone (the kiosk adds colour).
 */
export function reidFigures(dir = path.resolve('../shared/eval/mot/mot15')) {
  if (!existsSync(dir))
    return { data: null, idf1Without: null, idf1With: null, switchesWithout: null, switchesWith: null };
  const sequences = readdirSync(dir)
    .filter((s) => existsSync(path.join(dir, s, 'gt', 'gt.txt')))
    .sort();
  const runs = {
    without: { gt: [] as MotRow[], hyp: [] as MotRow[] },
    with: { gt: [] as MotRow[], hyp: [] as MotRow[] },
  };
  const perSequence: Record<string, { idf1Without: number; idf1With: number }> = {};
  for (const [k, seq] of sequences.entries()) {
    const dets = parseMot(readFileSync(path.join(dir, seq, 'det', 'det.txt'), 'utf8'));
    const gt = parseMot(readFileSync(path.join(dir, seq, 'gt', 'gt.txt'), 'utf8'), 1);
    const last = Math.max(0, ...dets.map((d) => d.frame), ...gt.map((g) => g.frame));
    const shift = (rows: MotRow[]) => rows.map((r) => ({ ...r, frame: r.frame + k * 1e6, id: r.id + k * 1e6 }));
    const without = trackSequence(dets, createByteTracker(), last);
    const withReid = trackSequence(dets, withReIdentification(createByteTracker()), last);
    perSequence[seq] = {
      idf1Without: pct(evaluateMot(gt, without).idf1),
      idf1With: pct(evaluateMot(gt, withReid).idf1),
    };
    runs.without.gt.push(...shift(gt));
    runs.without.hyp.push(...shift(without));
    runs.with.gt.push(...shift(gt));
    runs.with.hyp.push(...shift(withReid));
  }
  const a = evaluateMot(runs.without.gt, runs.without.hyp);
  const b = evaluateMot(runs.with.gt, runs.with.hyp);
  return {
    data: 'MOT15 public detections (test use only)',
    idf1Without: pct(a.idf1),
    idf1With: pct(b.idf1),
    switchesWithout: a.numSwitches,
    switchesWith: b.numSwitches,
    perSequence,
  };
}
