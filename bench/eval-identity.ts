// npm run eval:identity [-- --json]
// Face matching as the kiosk does it, on the best face imagery an npm package ships: the six group
// photos of @vladmandic/face-api (MIT; test use only). Each face found becomes one identity; each is
// varied with ffmpeg (framing, scale, light, rotation, blur, noise, JPEG) into 3 enrolment photos
// and 5 kiosk-like queries; a quarter of the identities are never enrolled (strangers at the door).
// Prints the ROC and the threshold of the best recall at ≥ 99 % precision, then the
// re-identification figures of the tracker on the MOT sequences (see eval-reid.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { meanEmbedding } from '../src/lib/identity/photo-quality.js';
import { chooseThreshold, evaluateMatching, type LabelledFace } from '../src/lib/identity/match-evaluation.js';
import { chooseFfmpeg } from '../server/platform/ffmpeg.js';
import { launchChromium } from '../test/support/browser.js';
import { FACE_SAMPLES } from '../test/support/faces.js';
import { ADMIN, startTestServer } from '../test/support/server.js';
import { openBench, runPhotosInPage } from '../test/support/vision.js';
import { reidFigures } from './eval-reid.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const MIN_FACE_PX = 60;
const MARGIN = 0.05;
const ENROL = [
  { name: 'clean', vf: 'scale=300:300' },
  { name: 'left, lighter', shift: [-0.08, 0], vf: 'scale=280:280,eq=brightness=0.05' },
  { name: 'up, contrast', shift: [0, -0.08], vf: 'scale=320:320,eq=contrast=1.15' },
];
const QUERIES = [
  { name: 'far (small)', vf: 'scale=150:150' },
  { name: 'tilted 8°', vf: 'rotate=8*PI/180,scale=260:260' },
  { name: 'soft focus', vf: 'scale=240:240,gblur=sigma=1.2' },
  { name: 'dim, noisy', vf: 'scale=260:260,eq=brightness=-0.1,noise=alls=12:allf=t' },
  { name: 'heavy JPEG', vf: 'scale=200:200', q: '24' },
];

const ffmpeg = chooseFfmpeg(null).path;
const dir = mkdtempSync(path.join(tmpdir(), 'fs-identity-'));
const dataUrl = (f: string) => `data:image/jpeg;base64,${readFileSync(f).toString('base64')}`;

function variant(
  src: string,
  box: { x: number; y: number; w: number; h: number },
  v: (typeof ENROL)[number] & { q?: string },
  out: string,
) {
  // A square 2.4 face sizes wide around the face, as a portrait photo or a kiosk's head crop shows it.
  const side = Math.round(Math.max(box.w, box.h) * 2.4);
  const [dx = 0, dy = 0] = v.shift ?? [];
  const x = Math.max(0, Math.round(box.x + box.w / 2 - side / 2 + dx * side));
  const y = Math.max(0, Math.round(box.y + box.h / 2 - side / 2 + dy * side));
  execFileSync(ffmpeg, [
    '-loglevel',
    'error',
    '-y',
    '-i',
    src,
    '-vf',
    `crop=${side}:${side}:${x}:${y},${v.vf}`,
    '-q:v',
    v.q ?? '3',
    out,
  ]);
  return out;
}

const server = await startTestServer();
const browser = await launchChromium();
let result;
try {
  const page = await browser.newPage();
  await openBench(page, server.base, ADMIN.username, ADMIN.password);
  const photos = [1, 2, 3, 4, 5, 6].map((n) => path.join(FACE_SAMPLES, `sample${n}.jpg`));
  const found = await runPhotosInPage(page, photos.map(dataUrl));
  const identities = photos.flatMap((src, i) =>
    found[i]!.boxes.filter((b) => Math.max(b.w, b.h) >= MIN_FACE_PX).map((box, k) => ({
      id: `s${i + 1}f${k + 1}`,
      src,
      box,
    })),
  );
  const gallery = [];
  const queries: LabelledFace[] = [];
  let images = 0;
  let unusableEnrol = 0;
  for (const [n, who] of identities.entries()) {
    const enrolFiles = ENROL.map((v, j) => variant(who.src, who.box, v, path.join(dir, `${who.id}-e${j}.jpg`)));
    const queryFiles = QUERIES.map((v, j) => variant(who.src, who.box, v, path.join(dir, `${who.id}-q${j}.jpg`)));
    const r = await runPhotosInPage(page, [...enrolFiles, ...queryFiles].map(dataUrl));
    images += r.length;
    const enrol = r.slice(0, ENROL.length).filter((x) => x.embedding);
    unusableEnrol += ENROL.length - enrol.length;
    // Every fourth person is a stranger: never enrolled, so any name given to them is wrong.
    if (n % 4 !== 3 && enrol.length)
      gallery.push({ workerId: who.id, name: who.id, embedding: meanEmbedding(enrol.map((x) => x.embedding!)) });
    for (const q of r.slice(ENROL.length)) if (q.embedding) queries.push({ identity: who.id, embedding: q.embedding });
  }
  const thresholds = Array.from({ length: 81 }, (_, i) => Math.round((0.2 + i * 0.01) * 100) / 100);
  const roc = evaluateMatching(gallery, queries, thresholds, MARGIN);
  const chosen = chooseThreshold(roc, 0.99);
  const reid = reidFigures();
  result = {
    dataset: '@vladmandic/face-api demo/sample1-6.jpg (MIT), one photo per person, varied with ffmpeg',
    identities: identities.length,
    enrolled: gallery.length,
    strangers: identities.length - gallery.length,
    images,
    queries: queries.length,
    unusableEnrol,
    margin: MARGIN,
    threshold: chosen?.threshold ?? null,
    precision: chosen?.precision ?? null,
    recall: chosen?.recall ?? null,
    roc: roc.filter((_, i) => i % 5 === 0),
    reid,
  };
  console.log(
    `${identities.length} people (${gallery.length} enrolled, ${result.strangers} strangers), ${images} images, ${queries.length} queries`,
  );
  console.log('threshold  precision  recall   TPR    FPR');
  for (const p of result.roc)
    console.log(
      `${p.threshold.toFixed(2).padStart(9)} ${p.precision.toFixed(3).padStart(10)} ${p.recall.toFixed(3).padStart(7)} ${p.tpr.toFixed(3).padStart(6)} ${p.fpr.toFixed(3).padStart(6)}`,
    );
  console.log(
    chosen
      ? `chosen: ${chosen.threshold} → precision ${chosen.precision.toFixed(3)}, recall ${chosen.recall.toFixed(3)}`
      : 'no threshold reaches 99 % precision',
  );
  console.log(
    `re-identification (MOT): IDF1 ${reid.idf1Without} without, ${reid.idf1With} with; ID switches ${reid.switchesWithout} → ${reid.switchesWith}`,
  );
} finally {
  await browser.close();
  await server.close();
}
if (values.json) console.log(JSON.stringify(result));
