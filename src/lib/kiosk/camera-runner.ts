import type { TrackObservation } from '../protocol/observations.js';
import { createFramePipeline, type TrackedPerson } from '../tracking/frame-pipeline.js';
import type { ZoneShape } from '../tracking/zones.js';
import type { TrackIdentity } from './track-identity.js';
import { pipelineScores } from '../vision/score-calibration.js';
import type { createInferenceStats } from '../vision/telemetry.js';
import type { Detector, PersonBox } from '../vision/types.js';
import { colourSignature } from '../tracking/appearance.js';
import type { ObservationSender } from './observation-sender.js';

export interface CameraFeed {
  cameraId: string;
  video: HTMLVideoElement;
  zones: readonly ZoneShape[];
}

export interface ProcessedFrame {
  cameraId: string;
  ts: number;
  width: number;
  height: number;
  people: TrackedPerson[];
  /** boxes the detector reported, before validation and tracking */
  detections: number;
}

export interface RunnerOptions {
  detector: Detector;
  sender: ObservationSender;
  stats: ReturnType<typeof createInferenceStats>;
  /** frames per second per camera at most; newer video frames in between are skipped */
  processingFps: number;
  /** identity for tracks the server has not named yet; `workerOf` is who it named, null for nobody */
  faces: { identity: TrackIdentity; workerOf(cameraId: string, trackId: number): string | null };
  onFrame(frame: ProcessedFrame): void;
}

const FACE_RETRY_MS = 2000;
const FACE_MIN_HEIGHT_PX = 100;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

const THUMB_WIDTH = 160;
const thumbs = new Map<number, OffscreenCanvasRenderingContext2D | null>();

/**
 * A small copy of the frame, and from it each person's colour signature for re-identification:
 * one 160-px draw per frame, however many people it shows.
 */
function thumbnail(video: HTMLVideoElement, width: number, height: number) {
  const h = Math.max(1, Math.round((height / width) * THUMB_WIDTH));
  if (!thumbs.has(h)) thumbs.set(h, new OffscreenCanvas(THUMB_WIDTH, h).getContext('2d', { willReadFrequently: true }));
  const thumb = thumbs.get(h);
  if (!thumb) return () => null;
  thumb.drawImage(video, 0, 0, THUMB_WIDTH, h);
  const { data } = thumb.getImageData(0, 0, THUMB_WIDTH, h);
  const k = THUMB_WIDTH / width;
  return (p: PersonBox) => colourSignature(data, THUMB_WIDTH, h, [p.x * k, p.y * k, (p.x + p.w) * k, (p.y + p.h) * k]);
}

/**
 * The kiosk's processing loop: one detector shared by all cameras, each camera processed at most
 * `processingFps` times a second and only when its video has shown a new frame. Each processed frame
 * goes to the sender, with or without people in it: frame timestamps are the engine's clock.
 */
export function startCameraRunner(feeds: readonly CameraFeed[], opts: RunnerOptions) {
  const cams = feeds.map((f) => ({
    ...f,
    pipeline: createFramePipeline({ zones: f.zones, ...pipelineScores(opts.detector.calibration) }),
    dueMs: 0,
    presented: 0,
    processed: -1,
    faceTried: new Map<number, number>(),
    claims: new Map<number, NonNullable<TrackObservation['identity']>>(),
  }));
  let stopped = false;
  for (const c of cams) {
    const onFrame = () => {
      c.presented++;
      if (!stopped) c.video.requestVideoFrameCallback(onFrame);
    };
    c.video.requestVideoFrameCallback(onFrame);
  }

  /**
   * The identities to send with this frame: a new face match for at most one unnamed person (identity
   * can wait, the frame rate cannot), and every claim the server has not confirmed yet.
   */
  async function faceFor(c: (typeof cams)[number], people: TrackedPerson[]) {
    const out = new Map<number, NonNullable<TrackObservation['identity']>>();
    if (!opts.faces.identity.enabled) return out;
    const now = performance.now();
    const p = people.find(
      (x) =>
        x.zoneId !== null &&
        x.box[3] - x.box[1] >= FACE_MIN_HEIGHT_PX &&
        opts.faces.workerOf(c.cameraId, x.trackId) === null &&
        !c.claims.has(x.trackId) &&
        now - (c.faceTried.get(x.trackId) ?? -Infinity) >= FACE_RETRY_MS,
    );
    if (p) {
      c.faceTried.set(p.trackId, now);
      const [x1, y1, x2, y2] = p.box;
      const box = { x: x1, y: y1, w: x2 - x1, h: y2 - y1, score: 1 };
      const m = await opts.faces.identity.identify(c.video, box, p.appearance);
      if (m) c.claims.set(p.trackId, m);
    }
    for (const x of people) {
      const workerId = opts.faces.workerOf(c.cameraId, x.trackId);
      if (workerId) opts.faces.identity.learn(workerId, x.appearance);
    }
    const present = new Set(people.map((x) => x.trackId));
    for (const [trackId, claim] of c.claims) {
      if (!present.has(trackId) || opts.faces.workerOf(c.cameraId, trackId) !== null) c.claims.delete(trackId);
      else out.set(trackId, claim);
    }
    return out;
  }

  async function step(c: (typeof cams)[number]): Promise<void> {
    c.dueMs = performance.now() + 1000 / opts.processingFps;
    c.processed = c.presented;
    const ts = Date.now();
    const width = c.video.videoWidth;
    const height = c.video.videoHeight;
    const t0 = performance.now();
    const [found] = await opts.detector.detect([c.video]);
    opts.stats.record(opts.detector.model, performance.now() - t0, performance.now());
    const look = thumbnail(c.video, width, height);
    const people = c.pipeline.process(
      found!.map((p) => ({
        box: [p.x, p.y, p.x + p.w, p.y + p.h],
        score: p.score,
        keypoints: p.keypoints ?? null,
        appearance: look(p),
      })),
      ts,
      { width, height },
    );
    const faces = await faceFor(c, people);
    const tracks: TrackObservation[] = people.map((p) => ({
      trackId: p.trackId,
      box: [
        clamp01(p.box[0] / width),
        clamp01(p.box[1] / height),
        clamp01(p.box[2] / width),
        clamp01(p.box[3] / height),
      ],
      zoneId: p.zoneId,
      motion: clamp01(p.motion),
      moving: p.moving,
      ...(faces.has(p.trackId) && { identity: faces.get(p.trackId)! }),
    }));
    opts.sender.push(c.cameraId, { ts, tracks });
    opts.onFrame({ cameraId: c.cameraId, ts, width, height, people, detections: found!.length });
  }

  void (async () => {
    while (!stopped) {
      const now = performance.now();
      const ready = cams.filter(
        (c) => now >= c.dueMs && c.presented !== c.processed && c.video.readyState >= 2 && c.video.videoWidth > 0,
      );
      for (const c of ready) {
        if (stopped) break;
        try {
          await step(c);
        } catch (err) {
          console.error(`camera ${c.cameraId}:`, err);
        }
      }
      if (!ready.length) await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    stop(): void {
      stopped = true;
    },
    /** A camera's zones changed on the server: its pipeline uses the new ones from the next frame. */
    setZones(cameraId: string, zones: readonly ZoneShape[]): void {
      cams.find((c) => c.cameraId === cameraId)?.pipeline.setZones(zones);
    },
  };
}
