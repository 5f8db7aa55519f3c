import { z } from 'zod';

const Unit = z.number().min(0).max(1);
const Id = z.string().min(1).max(50);

/** One confirmed track in one processed frame. Boxes are normalised (0..1), like zone polygons. */
export const TrackObservation = z.object({
  trackId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  box: z
    .tuple([Unit, Unit, Unit, Unit])
    .refine(([x1, y1, x2, y2]) => x2 > x1 && y2 > y1, 'x2 must exceed x1 and y2 must exceed y1')
    .describe('x1, y1, x2, y2 as fractions of the frame'),
  zoneId: Id.nullable().describe('zone of the feet point, null outside every zone'),
  motion: Unit.describe('smoothed movement score'),
  moving: z.boolean(),
  identity: z
    .object({
      workerId: Id,
      similarity: z.number().min(-1).max(1).describe('cosine similarity of the face to the enrolment; 1 for a badge'),
      source: z.enum(['face', 'badge']),
    })
    .optional()
    .describe('the worker the kiosk recognised this track as; the server keeps one active track per worker'),
});
export type TrackObservation = z.infer<typeof TrackObservation>;

export const ObservationFrame = z.object({
  ts: z.number().int().positive().describe('capture time, epoch ms'),
  tracks: z.array(TrackObservation).max(200),
});
export type ObservationFrame = z.infer<typeof ObservationFrame>;

/**
 * What a kiosk sends about one camera every ~500 ms. `seq` counts batches per (kiosk, camera) from 1;
 * `run` changes whenever the kiosk restarts its tracker (page load), because track ids restart too.
 * Every processed frame is sent, with or without people: the frames' timestamps are the engine's
 * clock for that camera.
 */
export const MAX_BATCH_FRAMES = 100;
/** 34 years of batches at two a second: a counter that gets here is a bug, not a long run. */
export const MAX_SEQ = 2 ** 31 - 1;
/**
 * How far one batch may jump ahead of the last one accepted (5.8 days of batches at two a second,
 * more than any outbox holds): a stray huge `seq` must not leave the stream unable to send again.
 */
export const MAX_SEQ_JUMP = 1_000_000;

export const ObservationBatch = z.object({
  kioskId: Id,
  cameraId: Id,
  run: z.number().int().min(0),
  seq: z.number().int().min(1).max(MAX_SEQ),
  frames: z.array(ObservationFrame).min(1).max(MAX_BATCH_FRAMES),
});
export type ObservationBatch = z.infer<typeof ObservationBatch>;

/**
 * The server's answer to a batch. `committedSeq` is the last batch of this camera whose effects are
 * stored in the database: the kiosk may forget every batch up to it, and must keep (and replay after
 * a reconnect) every later one.
 */
export type ObservationAck =
  | {
      ok: true;
      seq: number;
      duplicate: boolean;
      committedSeq: number;
      /** tracks this batch's faces named, for the kiosk's overlay */
      named?: { trackId: number; workerId: string; name: string }[];
      /** frames not applied because they were older than the camera's last frame (clock stepped back) */
      skippedFrames?: number;
    }
  | { ok: false; code: string; message: string };

export const HelloRequest = z.object({ cameraIds: z.array(Id).max(16) });

/** Per camera, the last batch the server has accepted and the last it has stored. */
export type HelloReply =
  | { ok: true; kioskId: string; streams: Record<string, { lastSeq: number; committedSeq: number }> }
  | { ok: false; code: string; message: string };

/** An open session as the floor view and `GET /sessions/active` show it. */
export const LiveSession = z.object({
  sessionId: z.string(),
  cameraId: z.string(),
  zoneId: z.string(),
  trackId: z.number(),
  workerId: z.string().nullable(),
  entryTime: z.string(),
  lastSeen: z.string(),
  state: z.enum(['active', 'idle']),
  activeSeconds: z.number(),
  idleSeconds: z.number(),
  indexNumber: z.number().nullable(),
  motion: z.number(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type LiveSession = z.infer<typeof LiveSession>;

export interface ZoneLive {
  zoneId: string;
  name: string;
  cameraId: string;
  color: string;
  present: number;
  activeNow: number;
  /** share of present people active now, 0..100; null when nobody is there */
  activePct: number | null;
}

/** Pushed on `/floor` as `floor:live` every 2 s. */
export interface FloorLive {
  at: string;
  zones: ZoneLive[];
  sessions: LiveSession[];
}

/** What a kiosk needs to run: its cameras, their zones and the processing settings. */
export interface KioskConfig {
  kioskId: string;
  name: string;
  processingFps: number;
  detector: string;
  idleThresholdSeconds: number;
  cameras: {
    cameraId: string;
    name: string;
    resolution: string;
    fps: number;
    /** set for a USB camera plugged into the kiosk itself: part of its device label ('' = any) */
    localDevice: string | null;
  }[];
  zones: {
    zoneId: string;
    cameraId: string;
    name: string;
    color: string;
    polygon: [number, number][];
    idleThresholdSeconds: number;
  }[];
}
