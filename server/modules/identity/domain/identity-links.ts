/** A track on one stream (kiosk + camera), as the intake keys them. */
export interface TrackRef {
  stream: string;
  trackId: number;
}

interface Link extends TrackRef {
  workerId: string;
  similarity: number;
  lastSeenMs: number;
}

export type ClaimResult =
  | { linked: true; displaced: null }
  | { linked: true; displaced: TrackRef; displacedSimilarity: number }
  | { linked: false; reason: 'track_named_otherwise'; holderSimilarity: null }
  | { linked: false; reason: 'weaker_than_holder'; holderSimilarity: number };

const same = (a: TrackRef, b: TrackRef) => a.stream === b.stream && a.trackId === b.trackId;

/**
 * One active track per worker, across every camera and kiosk. A face or badge claims a worker for a
 * track; a second track claiming the same worker takes the identity only with a clearly stronger
 * match (by `moveMargin`), and the first track goes back to anonymous. A link whose track has not
 * been seen for `forgetAfterMs` is dropped, so a worker who walked to another camera can be named
 * there. Pure: time is passed in.
 */
export class IdentityLinks {
  private byWorker = new Map<string, Link>();
  private byTrack = new Map<string, Link>();

  constructor(private readonly opts: { moveMargin: number; forgetAfterMs: number }) {}

  private key = (t: TrackRef) => `${t.stream}#${t.trackId}`;

  workerOf(t: TrackRef): string | null {
    return this.byTrack.get(this.key(t))?.workerId ?? null;
  }

  claim(t: TrackRef, workerId: string, similarity: number, nowMs: number): ClaimResult {
    this.forget(nowMs);
    const mine = this.byTrack.get(this.key(t));
    if (mine && mine.workerId !== workerId)
      return { linked: false, reason: 'track_named_otherwise', holderSimilarity: null };
    const holder = this.byWorker.get(workerId);
    if (holder && same(holder, t)) {
      holder.similarity = Math.max(holder.similarity, similarity);
      holder.lastSeenMs = nowMs;
      return { linked: true, displaced: null };
    }
    if (holder && similarity < holder.similarity + this.opts.moveMargin)
      return { linked: false, reason: 'weaker_than_holder', holderSimilarity: holder.similarity };
    if (holder) this.byTrack.delete(this.key(holder));
    const link: Link = { ...t, workerId, similarity, lastSeenMs: nowMs };
    this.byWorker.set(workerId, link);
    this.byTrack.set(this.key(t), link);
    return holder
      ? {
          linked: true,
          displaced: { stream: holder.stream, trackId: holder.trackId },
          displacedSimilarity: holder.similarity,
        }
      : { linked: true, displaced: null };
  }

  /** The track was in a frame: its link stays fresh. */
  seen(t: TrackRef, nowMs: number): void {
    const l = this.byTrack.get(this.key(t));
    if (l) l.lastSeenMs = nowMs;
  }

  /** A stream restarted its tracker: its track ids mean other people now. */
  dropStream(stream: string): void {
    for (const [k, l] of this.byTrack) {
      if (l.stream !== stream) continue;
      this.byTrack.delete(k);
      this.byWorker.delete(l.workerId);
    }
  }

  /** A worker's identity was withdrawn (consent, deletion): their link goes. */
  dropWorker(workerId: string): TrackRef | null {
    const l = this.byWorker.get(workerId);
    if (!l) return null;
    this.byWorker.delete(workerId);
    this.byTrack.delete(this.key(l));
    return { stream: l.stream, trackId: l.trackId };
  }

  private forget(nowMs: number): void {
    for (const [w, l] of this.byWorker) {
      if (nowMs - l.lastSeenMs <= this.opts.forgetAfterMs) continue;
      this.byWorker.delete(w);
      this.byTrack.delete(this.key(l));
    }
  }
}
