import type { Logger } from 'pino';
import type { EventBus } from '../../platform/events/event-bus.js';
import { InvalidInput, NotFound } from '../../../src/lib/shared/errors.js';
import type { CamerasRepository } from './domain/ports.js';
import { RELAY_DEFAULTS, startCameraRelay, type CameraRelay, type CameraStatus } from './media/camera-relay.js';
import type { CameraSource } from './media/ffmpeg-args.js';
import { kioskAttachedLabel } from '../../../src/lib/protocol/catalog.js';
import { createMjpegStream, type MjpegStream } from './media/mjpeg.js';
import { testConnection } from './media/test-connection.js';
import {
  CameraSource as CameraSourceSchema,
  type CameraSource as CameraSourceInput,
} from '../../../src/lib/protocol/catalog.js';
import type { SessionDescription, Sfu } from './media/werift-sfu.js';

// How often the stored last_seen_at of an online camera is refreshed (seed: health check every 30 s).
const LAST_SEEN_EVERY_MS = 30_000;

export interface MediaDeps {
  cameras: CamerasRepository;
  sfu: Sfu;
  ffmpegPath: string;
  log: Logger;
  events: Pick<EventBus, 'publish'>;
}

/** The calibration wizard's picture adjustment stored with a camera, if any. */
export function pictureOf(params: unknown): CameraSource['picture'] {
  const p = params as { brightness?: unknown; contrast?: unknown } | null;
  return typeof p?.brightness === 'number' && typeof p.contrast === 'number'
    ? { brightness: p.brightness, contrast: p.contrast }
    : null;
}

/** Starts a relay per enabled camera in the database and serves viewers through the SFU. */
export function createMediaService(deps: MediaDeps) {
  const relays = new Map<string, CameraRelay>();
  const mjpegs = new Map<string, MjpegStream>();
  let lastSeenTimer: NodeJS.Timeout | null = null;

  async function onStatus(s: CameraStatus): Promise<void> {
    const level = s.state === 'online' || s.state === 'starting' ? 'info' : 'warn';
    deps.log[level](
      { component: 'camera_manager', cameraId: s.cameraId, state: s.state, restarts: s.restarts },
      `camera ${s.cameraId} ${s.state}${s.message ? `: ${s.message}` : ''}`,
    );
    deps.events.publish('camera.status_changed', { cameraId: s.cameraId, state: s.state, message: s.message });
    await deps.cameras
      .setStatus(s.cameraId, s.state, s.lastPacketMs ? new Date(s.lastPacketMs) : null)
      .catch((err: unknown) => deps.log.warn({ component: 'camera_manager', err }, 'could not store camera status'));
  }

  /**
   * Relays every enabled camera the server pulls, and only those: new cameras start, removed or
   * disabled ones stop. Cameras plugged into a kiosk PC never reach the server; the kiosk opens them.
   */
  async function sync(): Promise<void> {
    const wanted = (await deps.cameras.enabled()).filter((x) => kioskAttachedLabel(x.sourceKind, x.usbDevice) === null);
    for (const [cameraId, relay] of relays) {
      if (wanted.some((c) => c.cameraId === cameraId)) continue;
      relays.delete(cameraId);
      mjpegs.delete(cameraId);
      await relay.stop();
    }
    for (const c of wanted.filter((x) => !relays.has(x.cameraId))) {
      const source: CameraSource = {
        ...c,
        sourceKind: c.sourceKind as CameraSource['sourceKind'],
        picture: pictureOf(c.calibrationParams),
      };
      relays.set(
        c.cameraId,
        await startCameraRelay(source, {
          ffmpegPath: deps.ffmpegPath,
          ...RELAY_DEFAULTS,
          onStatus: (s) => void onStatus(s),
        }),
      );
    }
  }

  return {
    /** Call after cameras were added, removed or disabled. */
    sync,
    /** One frame from a source not yet saved, as the relay would open it. */
    test: (source: CameraSourceInput) => testConnection(deps.ffmpegPath, source),
    /** A JPEG of what a relayed camera shows now (alert e-mails attach it); null when it cannot be had. */
    async snapshot(cameraId: string): Promise<Buffer | null> {
      const c = (await deps.cameras.enabled()).find((x) => x.cameraId === cameraId);
      if (!c || kioskAttachedLabel(c.sourceKind, c.usbDevice) !== null) return null;
      // Parsed as the API parses a source: a row with a missing URL or path gives no picture.
      const source = CameraSourceSchema.safeParse(c);
      if (!source.success) return null;
      const r = await testConnection(deps.ffmpegPath, source.data);
      return r.ok ? Buffer.from(r.jpegBase64, 'base64') : null;
    },
    async start(): Promise<void> {
      await sync();
      lastSeenTimer = setInterval(() => {
        for (const r of relays.values()) {
          const s = r.status();
          if (s.state === 'online' && s.lastPacketMs) {
            void deps.cameras.touch(s.cameraId, new Date(s.lastPacketMs)).catch(() => undefined);
          }
        }
      }, LAST_SEEN_EVERY_MS);
      lastSeenTimer.unref();
    },

    async watch(cameraIds: string[]): Promise<{ viewerId: string; offer: SessionDescription }> {
      const chosen = cameraIds.map((id) => relays.get(id));
      const missing = cameraIds.filter((_, i) => !chosen[i]);
      if (missing.length) throw new NotFound(`camera ${missing.join(', ')} (not configured or disabled)`);
      if (new Set(cameraIds).size !== cameraIds.length)
        throw new InvalidInput('cameraIds', 'lists a camera twice', { key: 'cameraTwice' });
      return deps.sfu.openViewer(chosen as CameraRelay[]);
    },

    answer: (viewerId: string, sdp: string) => deps.sfu.acceptAnswer(viewerId, { type: 'answer', sdp }),
    closeViewer: (viewerId: string) => deps.sfu.closeViewer(viewerId),

    statuses() {
      const viewers = deps.sfu.viewerCounts();
      return [...relays.values()].map((r) => ({ ...r.status(), viewers: viewers[r.cameraId] ?? 0 }));
    },

    relay: (cameraId: string) => relays.get(cameraId),

    /** The Motion-JPEG fallback of a camera, shared by its clients. */
    mjpeg(cameraId: string): MjpegStream {
      const relay = relays.get(cameraId);
      if (!relay) throw new NotFound(`camera ${cameraId} (not configured or disabled)`);
      let m = mjpegs.get(cameraId);
      if (!m) {
        m = createMjpegStream(relay, { ffmpegPath: deps.ffmpegPath, fps: 5 });
        mjpegs.set(cameraId, m);
      }
      return m;
    },

    async stop(): Promise<void> {
      if (lastSeenTimer) clearInterval(lastSeenTimer);
      await deps.sfu.close();
      await Promise.all([...relays.values()].map((r) => r.stop()));
      relays.clear();
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
