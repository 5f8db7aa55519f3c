import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { ffmpegArgs, redactRtsp, type CameraSource } from './ffmpeg-args.js';
import { createRtpContinuity } from './rtp-continuity.js';

export type CameraState = 'starting' | 'online' | 'offline' | 'error';

export interface CameraStatus {
  cameraId: string;
  state: CameraState;
  message: string | null;
  /** epoch ms of the last RTP packet */
  lastPacketMs: number | null;
  packets: number;
  bytes: number;
  /** received video bitrate over the last second, kbit/s */
  kbps: number;
  restarts: number;
  pid: number | null;
}

export interface RelayOptions {
  ffmpegPath: string;
  /** no packet for this long: the camera is offline */
  staleMs: number;
  /** first and largest delay between restarts of a failing ffmpeg */
  backoffMs: [min: number, max: number];
  onStatus: (s: CameraStatus) => void;
}

// Retries back off to 8 s at most: a camera that comes back is streaming again within about 10 s,
// and a failed attempt on a dead camera costs one short-lived ffmpeg.
export const RELAY_DEFAULTS = { staleMs: 5000, backoffMs: [1000, 8000] as [number, number] };

/**
 * One camera: an ffmpeg child pulling the source and sending RTP to a loopback UDP socket, restarted
 * with exponential backoff when it dies, and a watchdog that calls the camera offline when packets
 * stop. Subscribers receive every RTP packet. A failing camera affects no other.
 */
export async function startCameraRelay(source: CameraSource, opts: RelayOptions) {
  let cam = source;
  const udp: Socket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const port = udp.address().port;
  const subscribers = new Set<(packet: Buffer) => void>();
  const status: CameraStatus = {
    cameraId: cam.cameraId,
    state: 'starting',
    message: null,
    lastPacketMs: null,
    packets: 0,
    bytes: 0,
    kbps: 0,
    restarts: 0,
    pid: null,
  };
  let child: ChildProcess | null = null;
  let stopped = false;
  let backoff = opts.backoffMs[0];
  let restartTimer: NodeJS.Timeout | null = null;
  let lastError = '';

  const setState = (state: CameraState, message: string | null) => {
    if (status.state === state && status.message === message) return;
    status.state = state;
    status.message = message;
    opts.onStatus({ ...status });
  };

  const continuous = createRtpContinuity(90000, cam.fps);
  // End-of-frame packets (RTP marker bit) of the last `staleMs`: a camera is judged by its frames,
  // since a stalled pull can still let a packet through now and then.
  let frameTimes: number[] = [];
  let onlineSinceMs = 0;
  const minFrames = Math.max(2, Math.floor((cam.fps * opts.staleMs) / 1000 / 4));
  udp.on('message', (raw) => {
    const packet = continuous(raw);
    const now = Date.now();
    status.packets++;
    status.bytes += packet.length;
    status.lastPacketMs = now;
    if (packet.length > 1 && (packet[1]! & 0x80) !== 0) frameTimes.push(now);
    if (status.state !== 'online') {
      backoff = opts.backoffMs[0];
      onlineSinceMs = now;
      frameTimes = [];
      setState('online', null);
    }
    for (const s of subscribers) s(packet);
  });

  function launch(): void {
    let args: string[];
    try {
      args = ffmpegArgs(cam, port);
    } catch (err) {
      // A camera without a source will not get one by retrying.
      setState('error', (err as Error).message);
      return;
    }
    lastError = '';
    const proc = spawn(opts.ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    status.pid = proc.pid ?? null;
    proc.stderr?.on('data', (d: Buffer) => {
      lastError = d.toString().trim().split('\n').at(-1)!.slice(0, 300);
    });
    proc.on('error', (err) => {
      lastError = err.message;
    });
    proc.on('exit', (code, signal) => {
      child = null;
      status.pid = null;
      if (stopped) return;
      const why = lastError || `ffmpeg exited (${signal ?? `code ${code}`})`;
      // A camera that has delivered video is offline while it fails; one that never has is in error.
      const delivered = status.state === 'online' || status.state === 'offline';
      setState(
        delivered ? 'offline' : 'error',
        cam.rtspUrl ? why.replaceAll(cam.rtspUrl, redactRtsp(cam.rtspUrl)) : why,
      );
      status.restarts++;
      restartTimer = setTimeout(launch, backoff);
      backoff = Math.min(backoff * 2, opts.backoffMs[1]);
    });
  }

  let bytesAtLastTick = 0;
  const watchdog = setInterval(() => {
    const now = Date.now();
    status.kbps = Math.round(((status.bytes - bytesAtLastTick) * 8) / 1000);
    bytesAtLastTick = status.bytes;
    frameTimes = frameTimes.filter((t) => t >= now - opts.staleMs);
    if (status.state === 'online' && now - onlineSinceMs >= opts.staleMs && frameTimes.length < minFrames) {
      setState('offline', `no video for ${Math.round(opts.staleMs / 1000)} s`);
      // A stalled pull (a camera that went quiet without closing the session) would never recover
      // by itself: end it, and the exit handler reconnects with back-off.
      child?.kill('SIGKILL');
    }
  }, 1000);
  watchdog.unref();
  launch();

  return {
    cameraId: cam.cameraId,
    port,
    status: (): CameraStatus => ({ ...status }),
    subscribe(fn: (packet: Buffer) => void): () => void {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    /** Kills the ffmpeg child as a camera failure would (used by tests and "reconnect now"). */
    kill(): void {
      child?.kill('SIGKILL');
    },
    /** New settings (resolution, fps, picture): ffmpeg restarts with them; viewers stay connected. */
    reconfigure(next: Partial<Pick<CameraSource, 'resolution' | 'fps' | 'picture'>>): void {
      cam = { ...cam, ...next };
      backoff = opts.backoffMs[0];
      child?.kill('SIGKILL');
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(watchdog);
      if (restartTimer) clearTimeout(restartTimer);
      child?.kill('SIGKILL');
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
export type CameraRelay = Awaited<ReturnType<typeof startCameraRelay>>;
