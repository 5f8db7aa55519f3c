// npm run bench:relay [-- --json] [--cameras 1,4,8] [--seconds 15] [--sources file,rtsp]
// Glass-to-glass latency of the relay: Node paints the wall-clock time as black and white blocks
// into raw frames (640×480, 15 fps) written to a FIFO per camera. File source: the server's ingest
// ffmpeg reads the FIFO as a file camera. RTSP source: an ffmpeg "camera" encodes the FIFO to H.264
// and publishes it to a local RTSP server, which the ingest pulls over RTSP like any IP camera. The
// ingest encodes VP8 and sends RTP through the werift SFU to headless Chromium, which reads the
// blocks back from each decoded frame. Prints p50/p90 latency, frames received/sent (worst camera)
// and CPU of the server, the ingest ffmpegs (not the simulated cameras) and the browser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, signIn, WEBRTC_LOOPBACK } from '../test/support/browser.js';
import { startRtspCamera } from '../test/support/rtsp-camera.js';
import { ADMIN, startTestServer } from '../test/support/server.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    cameras: { type: 'string', default: '1,4,8' },
    seconds: { type: 'string', default: '15' },
    sources: { type: 'string', default: 'file,rtsp' },
  },
});
const W = 640;
const H = 480;
const FPS = 15;
const BLOCK = 16;
const BITS = 40; // the low 40 bits of epoch ms, in the top row of blocks

/** One grey frame with `ms` as BITS black/white blocks along the top. */
function frame(ms: number): Buffer {
  const f = Buffer.alloc(W * H, 128);
  for (let b = 0; b < BITS; b++) {
    const on = Math.floor(ms / 2 ** b) % 2 === 1;
    for (let y = 0; y < BLOCK; y++) f.fill(on ? 235 : 16, y * W + b * BLOCK, y * W + (b + 1) * BLOCK);
  }
  return f;
}

/** Runs in the page: reads the time blocks of every decoded frame of every video. */
const PROBE_SOURCE = `(() => {
  const { bits, block, w, h } = ARGS;
  const out = [];
  for (const v of document.querySelectorAll('video')) {
    const g = new OffscreenCanvas(w, block).getContext('2d', { willReadFrequently: true });
    const rec = { latencies: [], frames: 0 };
    out.push(rec);
    const onFrame = () => {
      if (v.videoWidth) {
        g.drawImage(v, 0, 0, w, h, 0, 0, w, h);
        const px = g.getImageData(0, 0, w, block).data;
        let ms = 0;
        for (let b = bits - 1; b >= 0; b--) ms = ms * 2 + (px[((block / 2) * w + b * block + block / 2) * 4] > 128 ? 1 : 0);
        // The blocks hold the low 40 bits of the time; the difference is taken modulo 2^40.
        rec.latencies.push((Date.now() % 2 ** 40 - ms + 2 ** 40) % 2 ** 40);
        rec.frames++;
      }
      v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
  }
  window.relayProbe = out;
})()`;

const HEADER = `YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 Cmono\n`;

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSec(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}
function pidsOf(pattern: RegExp): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return pattern.test(readFileSync(`/proc/${p}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

let runCount = 0;

async function run(cameras: number, seconds: number, rtsp: boolean) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-relay-'));
  const fifos = Array.from({ length: cameras }, (_, i) => path.join(dir, `cam${i + 1}.y4m`));
  for (const f of fifos) execFileSync('mkfifo', [f]);
  const server = await startTestServer({ SEED_DEMO: 'false', MEDIA_ICE_ADDRESSES: '127.0.0.1' });
  const prisma = server.services.db.prisma;
  // Fresh ports for every run: the RTSP server library does not release all of its sockets.
  const base = 30000 + (process.pid % 20) * 100 + runCount++ * 3000;
  // RTSP: one camera (RTSP server + H.264 publisher reading the FIFO) per probe stream.
  const rtspCameras = rtsp
    ? await Promise.all(
        fifos.map((f, i) =>
          startRtspCamera(f, { publish: base + i * 10, play: base + i * 10 + 1, rtp: base + 1000 + i * 200 }, [
            '-f',
            'yuv4mpegpipe',
            '-i',
            f,
          ]),
        ),
      )
    : [];
  for (const [i, f] of fifos.entries()) {
    await prisma.camera.create({
      data: {
        cameraId: `P${i + 1}`,
        name: `probe ${i + 1}`,
        sourceKind: rtsp ? 'rtsp' : 'file',
        filePath: rtsp ? null : f,
        rtspUrl: rtsp ? rtspCameras[i]!.url : null,
        fps: FPS,
        resolution: `${W}x${H}`,
      },
    });
  }
  // Restart the relay so it picks up the probe cameras. Whoever reads a FIFO (the ingest for a file
  // camera, the publisher for an RTSP one) lets its open for writing return. Opens and writes are
  // asynchronous: a blocked write must not stall the in-process RTSP server the publisher talks to.
  await server.media.stop();
  await server.media.start();
  const fds: FileHandle[] = await Promise.all(fifos.map((f) => open(f, 'w')));
  await Promise.all(fds.map((fd) => fd.write(HEADER)));
  const sentPer = fifos.map(() => 0);
  const busy = fifos.map(() => false);
  const painter = setInterval(() => {
    const buf = Buffer.concat([Buffer.from('FRAME\n'), frame(Date.now())]);
    fds.forEach((fd, i) => {
      // A reader that has fallen behind skips this frame rather than receiving it late.
      if (busy[i]) return;
      busy[i] = true;
      sentPer[i]!++;
      void fd.write(buf).finally(() => (busy[i] = false));
    });
  }, 1000 / FPS);

  const browser = await launchChromium(WEBRTC_LOOPBACK);
  const page = await browser.newPage();
  await signIn(page, server.base, ADMIN.username, ADMIN.password);
  const ids = fifos.map((_, i) => `P${i + 1}`);
  const grid: string[][] = [];
  for (let k = 0; k < ids.length; k += 4) grid.push(ids.slice(k, k + 4));
  // One page per 4 cameras, as kiosks show at most 4.
  const pages = [page, ...(await Promise.all(grid.slice(1).map(() => browser.newPage())))];
  await Promise.all(pages.map((p, k) => p.goto(`${server.base}/cameras/live?ids=${grid[k]!.join(',')}`)));
  // Plain source text: tsx would wrap a function literal in helpers the page does not have.
  const probe = (p: typeof page) =>
    p.evaluate(PROBE_SOURCE.replace('ARGS', JSON.stringify({ bits: BITS, block: BLOCK, w: W, h: H })));
  await new Promise((r) => setTimeout(r, 5000)); // connect and settle
  await Promise.all(pages.map(probe));
  const sentAtStart = [...sentPer];
  const cpu0 = {
    server: cpuSec(process.pid),
    ingest: pidsOf(/ffmpeg.*libvpx/).reduce((s, p) => s + cpuSec(p), 0),
    browser: pidsOf(/chromium/).reduce((s, p) => s + cpuSec(p), 0),
  };
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = {
    server: cpuSec(process.pid),
    ingest: pidsOf(/ffmpeg.*libvpx/).reduce((s, p) => s + cpuSec(p), 0),
    browser: pidsOf(/chromium/).reduce((s, p) => s + cpuSec(p), 0),
  };
  const results = (
    await Promise.all(
      pages.map((p) =>
        p.evaluate(() => (window as unknown as { relayProbe: { latencies: number[]; frames: number }[] }).relayProbe),
      ),
    )
  ).flat();
  const sentFrames = sentPer.map((n, i) => n - sentAtStart[i]!);
  clearInterval(painter);
  await browser.close();
  await Promise.all(fds.map((fd) => fd.close().catch(() => undefined)));
  await server.close();
  for (const c of rtspCameras) c.stop();
  const all = results.flatMap((r) => r.latencies.filter((l) => l >= 0 && l < 10_000)).sort((a, b) => a - b);
  const pct = (p: number) => all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? NaN;
  const pctOf = (a: number, b: number) => Math.round(((a - b) / elapsed) * 1000) / 10;
  return {
    cameras,
    rtsp,
    p50Ms: pct(0.5),
    p90Ms: pct(0.9),
    fpsRatio: Math.round(Math.min(...results.map((r, i) => r.frames / sentFrames[i]!)) * 100) / 100,
    cpuPct: {
      server: pctOf(cpu1.server, cpu0.server),
      ingest: pctOf(cpu1.ingest, cpu0.ingest),
      browser: pctOf(cpu1.browser, cpu0.browser),
    },
  };
}

const runs = [];
for (const source of values.sources!.split(',')) {
  for (const n of values.cameras!.split(',').map(Number)) {
    const r = await run(n, Number(values.seconds), source === 'rtsp');
    runs.push(r);
    console.log(
      `${n} camera(s), ${source} source: p50 ${r.p50Ms} ms, p90 ${r.p90Ms} ms, frames received/sent ${r.fpsRatio}, CPU % server ${r.cpuPct.server} ingest ${r.cpuPct.ingest} browser ${r.cpuPct.browser}`,
    );
  }
}
if (values.json) console.log(JSON.stringify({ runs }));
process.exit(0);
