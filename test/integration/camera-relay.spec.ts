import { describe, expect, it } from 'vitest';
import { startCameraRelay, type CameraStatus } from '../../server/modules/cameras/media/camera-relay.js';

describe('camera relay with a bad source', () => {
  it('reports a clear error and retries with growing delays instead of a crash loop', async () => {
    const seen: CameraStatus[] = [];
    const relay = await startCameraRelay(
      {
        cameraId: 'CAMX',
        sourceKind: 'file',
        filePath: '/no/such/video.avi',
        rtspUrl: null,
        usbDevice: null,
        fps: 10,
        resolution: '640x480',
      },
      { ffmpegPath: 'ffmpeg', staleMs: 5000, backoffMs: [500, 4000], onStatus: (s) => seen.push(s) },
    );
    await new Promise((r) => setTimeout(r, 4000));
    const s = relay.status();
    await relay.stop();
    expect(s.state).toBe('error');
    expect(s.message).toMatch(/No such file/);
    // Launches at about 0, 0.5, 1.5 and 3.5 s (back-off 500, 1000, 2000 ms): at most 4 failed runs
    // in 4 s, not the dozens a plain retry loop would make.
    expect(s.restarts).toBeGreaterThanOrEqual(3);
    expect(s.restarts).toBeLessThanOrEqual(4);
    expect(seen[0]).toMatchObject({ cameraId: 'CAMX', state: 'error' });
  });

  it('a camera with no source configured stays in error without starting ffmpeg', async () => {
    const relay = await startCameraRelay(
      {
        cameraId: 'CAMY',
        sourceKind: 'rtsp',
        filePath: null,
        rtspUrl: null,
        usbDevice: null,
        fps: 10,
        resolution: '640x480',
      },
      { ffmpegPath: 'ffmpeg', staleMs: 5000, backoffMs: [500, 4000], onStatus: () => undefined },
    );
    expect(relay.status()).toMatchObject({
      state: 'error',
      message: expect.stringContaining('without rtsp_url'),
      pid: null,
    });
    await relay.stop();
  });
});
