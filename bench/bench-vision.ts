// npm run bench:vision [-- --json] [--frames N] [--passes N]
// Starts the server, opens /bench/vision in headless Chromium (WASM), and times each person
// detector over frames of the demo clip (vendor/media, from vtest.avi), extracted with ffmpeg.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/support/browser.js';
import { ADMIN, startTestServer } from '../test/support/server.js';
import { loadConfig } from '../server/app/config.js';
import { openBench, runInPage } from '../test/support/vision.js';
import { chooseFfmpeg } from '../server/platform/ffmpeg.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    frames: { type: 'string', default: '20' },
    passes: { type: 'string', default: '2' },
  },
});
const video = path.resolve('vendor/media/vtest-demo.mp4');
if (!existsSync(video)) {
  console.error(`${video} not found`);
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'fs-frames-'));
// Evenly spread frames across the clip (it runs about 80 s at 10 fps).
execFileSync(chooseFfmpeg(null).path, [
  '-loglevel',
  'error',
  '-i',
  video,
  '-vf',
  'fps=1/4',
  '-frames:v',
  values.frames!,
  path.join(dir, 'f%03d.png'),
]);
const frames = readdirSync(dir)
  .sort()
  .map((f) => `data:image/png;base64,${readFileSync(path.join(dir, f)).toString('base64')}`);

const runs = [
  { model: 'yolox_nano.onnx' },
  { model: 'nanodet', inputSize: 416 },
  { model: 'centernet', inputSize: 512 },
  { model: 'movenet-multipose', inputSize: 512 },
  { model: 'movenet-multipose', inputSize: 256 },
];

const server = await startTestServer();
const browser = await launchChromium();
const results = [];
try {
  const page = await browser.newPage();
  await openBench(page, server.base, ADMIN.username, ADMIN.password);
  console.log(`${frames.length} frames of the demo clip, ${values.passes} timed passes, headless Chromium`);
  console.log('model               backend input threads  median ms  p90 ms  persons/frame');
  for (const run of runs) {
    const r = await runInPage(page, { ...run, backend: 'wasm', frames, passes: Number(values.passes) });
    results.push({
      model: r.model,
      backend: r.backend,
      inputSize: r.inputSize,
      medianMs: r.medianMs,
      p90Ms: r.p90Ms,
      personsPerFrame: r.personsPerFrame,
    });
    console.log(
      `${r.model.padEnd(19)} ${r.backend.padEnd(7)} ${String(r.inputSize).padStart(5)} ${String(r.threads).padStart(7)} ${r.medianMs.toFixed(1).padStart(10)} ${r.p90Ms.toFixed(1).padStart(7)} ${r.personsPerFrame.toFixed(2).padStart(14)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
// The default is the fastest detector whose people per frame are within 10 % of YOLOX-nano's.
const reference = results.find((r) => r.model === 'yolox_nano')!;
const accurate = results.filter(
  (r) => Math.abs(r.personsPerFrame - reference.personsPerFrame) <= 0.1 * reference.personsPerFrame,
);
const fastest = accurate.sort((a, b) => a.medianMs - b.medianMs)[0]!;
const chosen = fastest.model.endsWith('_nano') ? `${fastest.model}.onnx` : fastest.model;
const configured = loadConfig({}).kiosk.detector;
console.log(`fastest within 10 % of YOLOX-nano's persons/frame: ${chosen}; the configured default: ${configured}`);
if (values.json) console.log(JSON.stringify({ models: results, fastestAccurate: chosen, defaultDetector: configured }));
process.exit(0);
