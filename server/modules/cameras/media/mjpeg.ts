import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CameraRelay } from './camera-relay.js';
import { createJpegSplitter } from './jpeg-splitter.js';

export interface MjpegOptions {
  ffmpegPath: string;
  /** frames per second sent to MJPEG clients */
  fps: number;
}

/**
 * Motion-JPEG for clients without WebRTC (seed 003). One ffmpeg per watched camera decodes the
 * relay's own RTP (no second pull from the camera) into JPEGs; it runs while at least one client
 * watches and stops with the last one.
 */
export function createMjpegStream(relay: CameraRelay, opts: MjpegOptions) {
  const clients = new Set<(jpeg: Buffer) => void>();
  let running: { child: ChildProcess; stop: () => void } | null = null;

  async function freePort(): Promise<number> {
    const probe = createSocket('udp4');
    await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
    const { port } = probe.address();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  async function start(): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'fs-mjpeg-'));
    const udp = createSocket('udp4');
    // ffmpeg listens on its own port for the RTP we forward; the SDP tells it what arrives.
    const port = await freePort();
    const sdp = path.join(dir, 'stream.sdp');
    writeFileSync(
      sdp,
      [
        'v=0',
        'o=- 0 0 IN IP4 127.0.0.1',
        's=floorsight',
        'c=IN IP4 127.0.0.1',
        't=0 0',
        `m=video ${port} RTP/AVP 96`,
        'a=rtpmap:96 VP8/90000',
        '',
      ].join('\n'),
    );
    const child = spawn(
      opts.ffmpegPath,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-protocol_whitelist',
        'file,udp,rtp',
        '-i',
        sdp,
        '-an',
        '-r',
        String(opts.fps),
        '-c:v',
        'mjpeg',
        '-q:v',
        '6',
        '-f',
        'image2pipe',
        'pipe:1',
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const split = createJpegSplitter((jpeg) => clients.forEach((c) => c(jpeg)));
    child.stdout!.on('data', split);
    const unsubscribe = relay.subscribe((packet) => udp.send(packet, port, '127.0.0.1'));
    const stop = () => {
      unsubscribe();
      child.kill('SIGKILL');
      udp.close();
      rmSync(dir, { recursive: true, force: true });
    };
    child.on('exit', () => {
      if (running?.child === child) {
        running = null;
        stop();
        // Still watched: start again (the relay's own restarts can end a decode run).
        if (clients.size) setTimeout(() => clients.size && !running && void start(), 1000);
      }
    });
    running = { child, stop };
    // The last client may have left while this was starting.
    if (clients.size === 0) {
      running = null;
      stop();
    }
  }

  return {
    /** Adds a client; returns the function that removes it. */
    watch(onJpeg: (jpeg: Buffer) => void): () => void {
      clients.add(onJpeg);
      if (!running && clients.size === 1) void start();
      return () => {
        clients.delete(onJpeg);
        if (clients.size === 0 && running) {
          const r = running;
          running = null;
          r.stop();
        }
      };
    },
    get clients() {
      return clients.size;
    },
  };
}
export type MjpegStream = ReturnType<typeof createMjpegStream>;
