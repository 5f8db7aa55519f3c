import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { chooseFfmpeg } from '../../server/platform/ffmpeg.js';

/**
 * Face imagery for tests, from the sample photos `@vladmandic/face-api` (MIT) ships in its npm
 * package: group photos of about 20 people, one photo each. Test use only; nothing is vendored.
 */
export const FACE_SAMPLES = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')),
  'demo',
);

const ffmpeg = () => chooseFfmpeg(null).path;
/** what the QR code on her badge says */
export const BADGE_ID = 'BADGE-007';
/** what is printed on her other badge, which has no code */
export const PRINTED_ID = 'W-0042';
const run = (args: string[]) => execFileSync(ffmpeg(), ['-loglevel', 'error', '-y', ...args]);

/**
 * The woman on the left of sample6.jpg: five enrolment photos (her face cropped a little
 * differently, lighter and darker) and a 20 s entrance-camera clip of her and her neighbour.
 */
export async function entranceScene(): Promise<{
  photos: string[];
  blurred: string;
  video: string;
  badged: string;
  printed: string;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-faces-'));
  const src = path.join(FACE_SAMPLES, 'sample6.jpg');
  const crops = [
    'crop=560:700:130:180,eq=brightness=0',
    'crop=520:640:150:220,eq=brightness=0.06',
    'crop=600:760:110:160,eq=brightness=-0.05',
    'crop=540:680:140:200,eq=contrast=1.1',
    'crop=580:720:120:190,eq=saturation=0.8',
  ];
  const photos = crops.map((vf, i) => {
    const out = path.join(dir, `enrol-${i + 1}.jpg`);
    run(['-i', src, '-vf', `${vf},scale=400:-2`, '-q:v', '3', out]);
    return out;
  });
  // Out of focus: what the quality check must refuse.
  const blurred = path.join(dir, 'blurred.jpg');
  run(['-i', src, '-vf', `${crops[0]},scale=400:-2,gblur=sigma=4`, '-q:v', '3', blurred]);
  // A 20 s, 15 fps clip of the scene, as a file camera plays it; `filter` draws on the 640×700 picture.
  const clip = (name: string, filter: string, extraInputs: string[] = []) => {
    const out = path.join(dir, name);
    const scene = `[0]crop=1280:1400:0:137,scale=640:700${filter},format=yuv420p`;
    run([
      ...['-loop', '1', '-t', '20', '-i', src, ...extraInputs],
      ...['-filter_complex', scene, '-r', '15', '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', out],
    ]);
    return out;
  };
  const video = clip('entrance.mp4', '');
  // The same scene with a QR badge on her chest, as a badge camera would see it.
  const qr = path.join(dir, 'badge.png');
  await QRCode.toFile(qr, BADGE_ID, { margin: 2, width: 120 });
  const badged = clip('badged.mp4', '[b];[b][1]overlay=135:330', ['-i', qr]);
  // And with a badge that only has her id printed on it, for the OCR.
  const font = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-thai/package.json')),
    'files/noto-sans-thai-latin-700-normal.woff',
  );
  const printed = clip(
    'printed.mp4',
    `,drawbox=x=125:y=330:w=150:h=70:color=white:t=fill,drawtext=fontfile=${font}:text='${PRINTED_ID}':x=137:y=345:fontsize=36:fontcolor=black`,
  );
  return { photos, blurred, video, badged, printed };
}
