// npm run bench:tracking [-- --json]
// Frames per second of the tracking core on synthetic scenes of 20 and 100 walking people:
// ByteTrack alone, and the kiosk's whole per-frame path (validation → ByteTrack → zones → motion).
import { parseArgs } from 'node:util';
import { createByteTracker } from '../src/lib/tracking/byte-tracker.js';
import type { Xyxy } from '../src/lib/tracking/geometry.js';
import { createFramePipeline } from '../src/lib/tracking/frame-pipeline.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, frames: { type: 'string', default: '1500' } },
});
const FRAMES = Number(values.frames);
const W = 1920;
const H = 1080;

/** Deterministic pseudo-random numbers, so every run measures the same scene. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** People walking about a 1920×1080 frame with detector noise and 5 % missed detections. */
function scene(people: number, frames: number) {
  const r = rng(people);
  const walkers = Array.from({ length: people }, () => ({
    x: r() * (W - 100),
    y: r() * (H - 300),
    vx: (r() - 0.5) * 6,
    vy: (r() - 0.5) * 3,
    h: 150 + r() * 150,
  }));
  return Array.from({ length: frames }, () => {
    const rows: { box: Xyxy; score: number }[] = [];
    for (const p of walkers) {
      p.x = Math.min(W - 100, Math.max(0, p.x + p.vx));
      p.y = Math.min(H - p.h, Math.max(0, p.y + p.vy));
      if (r() < 0.05) continue;
      const n = () => (r() - 0.5) * 4;
      rows.push({ box: [p.x + n(), p.y + n(), p.x + p.h / 2.5 + n(), p.y + p.h + n()], score: 0.5 + r() * 0.5 });
    }
    return rows;
  });
}

const ZONES = [
  {
    id: 'Z01',
    polygon: [
      [0, 0.3],
      [0.5, 0.3],
      [0.5, 1],
      [0, 1],
    ],
  },
  {
    id: 'Z02',
    polygon: [
      [0.5, 0.3],
      [1, 0.3],
      [1, 1],
      [0.5, 1],
    ],
  },
] as const;

const results: { detections: number; trackerFps: number; pipelineFps: number }[] = [];
for (const people of [20, 100]) {
  const frames = scene(people, FRAMES);
  const tracker = createByteTracker();
  let t0 = performance.now();
  frames.forEach((rows, f) =>
    tracker.update(
      rows.map((row, index) => ({ index, box: row.box, score: row.score })),
      f + 1,
    ),
  );
  const trackerFps = FRAMES / ((performance.now() - t0) / 1000);

  const pipeline = createFramePipeline({ zones: ZONES });
  t0 = performance.now();
  frames.forEach((rows, f) => pipeline.process(rows, (f * 1000) / 15, { width: W, height: H }));
  const pipelineFps = FRAMES / ((performance.now() - t0) / 1000);
  results.push({ detections: people, trackerFps: Math.round(trackerFps), pipelineFps: Math.round(pipelineFps) });
  console.log(
    `${String(people).padStart(3)} detections/frame: ByteTrack ${Math.round(trackerFps)} frames/s, full per-frame path ${Math.round(pipelineFps)} frames/s (${FRAMES} frames)`,
  );
}
if (values.json) console.log(JSON.stringify({ runs: results }));
