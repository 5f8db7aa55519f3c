// npm run eval:tracking -- [--data DIR] [--json]
// Runs ByteTrack over DIR/<seq>/det/det.txt and scores it against DIR/<seq>/gt/gt.txt.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createByteTracker } from '../src/lib/tracking/byte-tracker.js';
import { parseMot, type MotRow } from '../src/lib/tracking/mot-format.js';
import { evaluateMot } from '../src/lib/tracking/mot-metrics.js';
import { trackSequence } from '../src/lib/tracking/mot-sequence.js';

const { values } = parseArgs({
  options: { data: { type: 'string', default: '../shared/eval/mot/mot15' }, json: { type: 'boolean', default: false } },
});
const dir = path.resolve(values.data!);
if (!existsSync(dir)) {
  console.error(`--data ${dir}: no such folder`);
  process.exit(2);
}
const sequences = readdirSync(dir)
  .filter((s) => existsSync(path.join(dir, s, 'det', 'det.txt')))
  .sort();
if (sequences.length === 0) {
  console.error(`--data ${dir}: no <sequence>/det/det.txt inside`);
  process.exit(2);
}

const pct = (x: number) => Math.round(x * 1000) / 10;
const results: Record<string, { mota: number; idf1: number; ids: number; fp: number; fn: number }> = {};
let allGt: MotRow[] = [];
let allHyp: MotRow[] = [];
let frames = 0;
let trackMs = 0;
console.log('sequence          MOTA   IDF1   IDs     FP     FN  frames');
for (const [k, seq] of sequences.entries()) {
  const dets = parseMot(readFileSync(path.join(dir, seq, 'det', 'det.txt'), 'utf8'));
  const gtFile = path.join(dir, seq, 'gt', 'gt.txt');
  const gt = existsSync(gtFile) ? parseMot(readFileSync(gtFile, 'utf8'), 1) : null;
  const lastFrame = Math.max(0, ...dets.map((d) => d.frame), ...(gt ?? []).map((g) => g.frame));
  const t0 = performance.now();
  const hyp = trackSequence(dets, createByteTracker(), lastFrame);
  trackMs += performance.now() - t0;
  frames += lastFrame;
  if (!gt) {
    console.log(`${seq.padEnd(16)} (no ground truth)  ${lastFrame}`);
    continue;
  }
  const s = evaluateMot(gt, hyp);
  results[seq] = { mota: pct(s.mota), idf1: pct(s.idf1), ids: s.numSwitches, fp: s.numFalsePositives, fn: s.numMisses };
  console.log(
    `${seq.padEnd(16)} ${pct(s.mota).toFixed(1).padStart(5)}  ${pct(s.idf1).toFixed(1).padStart(5)}  ${String(s.numSwitches).padStart(4)}  ${String(s.numFalsePositives).padStart(5)}  ${String(s.numMisses).padStart(5)}  ${lastFrame}`,
  );
  // Offsetting frames and ids keeps the sequences apart in the overall score, as the MOT devkit's
  // combined evaluation does.
  allGt = allGt.concat(gt.map((r) => ({ ...r, frame: r.frame + k * 1e6, id: r.id + k * 1e6 })));
  allHyp = allHyp.concat(hyp.map((r) => ({ ...r, frame: r.frame + k * 1e6, id: r.id + k * 1e6 })));
}
const overall = evaluateMot(allGt, allHyp);
const fps = Math.round(frames / (trackMs / 1000));
console.log(
  `${'OVERALL'.padEnd(16)} ${pct(overall.mota).toFixed(1).padStart(5)}  ${pct(overall.idf1).toFixed(1).padStart(5)}  ${String(overall.numSwitches).padStart(4)}  ${String(overall.numFalsePositives).padStart(5)}  ${String(overall.numMisses).padStart(5)}  ${frames}`,
);
console.log(`tracker speed: ${fps} frames/s over ${frames} frames`);
if (values.json) {
  console.log(
    JSON.stringify({ sequences: results, overall: { mota: pct(overall.mota), idf1: pct(overall.idf1) }, fps }),
  );
}
