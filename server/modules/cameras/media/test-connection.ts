import { spawn } from 'node:child_process';
import { kioskAttachedLabel, type CameraSource, type CameraTestResult } from '../../../../src/lib/protocol/catalog.js';

const TIMEOUT_MS = 10_000;

/** ffmpeg's input arguments for one frame of a source, as the relay would open it. */
export function probeArgs(source: CameraSource): string[] {
  const input =
    source.sourceKind === 'rtsp'
      ? ['-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', source.rtspUrl]
      : source.sourceKind === 'usb'
        ? ['-f', 'v4l2', '-i', source.usbDevice]
        : ['-i', source.filePath];
  return ['-hide_banner', '-loglevel', 'error', ...input, '-frames:v', '1', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'];
}

/**
 * Opens a source the way the relay will and returns its first frame as JPEG, or the last thing ffmpeg
 * said when it could not (wrong password, no such file, nothing listening). Bounded by 10 s.
 */
export function testConnection(ffmpegPath: string, source: CameraSource): Promise<CameraTestResult> {
  const t0 = Date.now();
  if (source.sourceKind === 'usb' && kioskAttachedLabel('usb', source.usbDevice) !== null) {
    // The server never opens a kiosk PC's own camera; there is nothing here to probe.
    return Promise.resolve({
      ok: false,
      error: 'a camera plugged into a kiosk PC is opened by that kiosk: check it on its screen',
      ms: 0,
    });
  }
  return new Promise((resolve) => {
    const proc = spawn(ffmpegPath, probeArgs(source), { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    proc.stdout.on('data', (b: Buffer) => out.push(b));
    proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), TIMEOUT_MS);
    proc.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: `ffmpeg could not run: ${e.message}`, ms: Date.now() - t0 });
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - t0;
      const jpeg = Buffer.concat(out);
      if (code === 0 && jpeg.length > 0) return resolve({ ok: true, jpegBase64: jpeg.toString('base64'), ms });
      const said = err.trim().split('\n').at(-1);
      resolve({
        ok: false,
        error: said || (signal ? `no frame within ${TIMEOUT_MS / 1000} s` : `ffmpeg exited with code ${code}`),
        ms,
      });
    });
  });
}
