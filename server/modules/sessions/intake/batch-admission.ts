import { MAX_SEQ_JUMP, ObservationBatch } from '../../../../src/lib/protocol/observations.js';

export interface AdmissionContext {
  /** the kiosk this connection belongs to */
  kioskId: string;
  /** cameras assigned to the kiosk; empty means any */
  assignedCameras: readonly string[];
  /** cameras that exist */
  cameras: ReadonlySet<string>;
  nowMs: number;
  maxClockSkewMs: number;
  maxBacklogMs: number;
  /** the last batch accepted from this kiosk for a camera, 0 if none */
  lastSeq(cameraId: string): number;
}

export type Admission =
  { ok: true; batch: ObservationBatch; duplicate: boolean } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): Admission => ({ ok: false, code, message });

/**
 * Whether a kiosk's batch may reach the engine: its shape (naming the field), whose it is, its
 * camera, its frames' dates against the server's clock, and its place in the camera's sequence.
 * Pure: the caller passes the clock and the stream's position.
 */
export function admitBatch(body: unknown, ctx: AdmissionContext): Admission {
  const parsed = ObservationBatch.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('invalid_input', `${issue.path.join('.') || 'batch'}: ${issue.message}`);
  }
  const batch = parsed.data;
  if (batch.kioskId !== ctx.kioskId)
    return refuse('forbidden', `kioskId: this connection belongs to kiosk ${ctx.kioskId}`);
  if (!ctx.cameras.has(batch.cameraId)) return refuse('not_found', `cameraId: camera ${batch.cameraId} does not exist`);
  if (ctx.assignedCameras.length && !ctx.assignedCameras.includes(batch.cameraId)) {
    return refuse('forbidden', `cameraId: camera ${batch.cameraId} is not assigned to this kiosk`);
  }
  const off = batch.frames.findIndex(
    (f) => f.ts > ctx.nowMs + ctx.maxClockSkewMs || f.ts < ctx.nowMs - ctx.maxBacklogMs,
  );
  if (off >= 0) {
    const ts = batch.frames[off]!.ts;
    const ahead = ts > ctx.nowMs;
    const limitS = Math.round((ahead ? ctx.maxClockSkewMs : ctx.maxBacklogMs) / 1000);
    return refuse(
      'clock_skew',
      `frames.${off}.ts: ${new Date(ts).toISOString()} is ${Math.round(Math.abs(ts - ctx.nowMs) / 1000)} s ` +
        `${ahead ? 'ahead of' : 'behind'} the server's clock (at most ${limitS} s); check this kiosk PC's clock`,
    );
  }
  const last = ctx.lastSeq(batch.cameraId);
  if (batch.seq <= last) return { ok: true, batch, duplicate: true };
  if (batch.seq > last + MAX_SEQ_JUMP) {
    return refuse(
      'invalid_input',
      `seq: ${batch.seq} jumps more than ${MAX_SEQ_JUMP} past this camera's last batch (${last})`,
    );
  }
  return { ok: true, batch, duplicate: false };
}
