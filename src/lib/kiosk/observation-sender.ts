import type { Socket } from 'socket.io-client';
import {
  MAX_BATCH_FRAMES,
  type HelloReply,
  type ObservationAck,
  type ObservationBatch,
  type ObservationFrame,
} from '../protocol/observations.js';
import type { OutboxStore } from './outbox-store.js';

export interface SenderStats {
  sent: number;
  acked: number;
  duplicates: number;
  rejected: number;
  /** frames the server did not apply because they were older than the camera's last one */
  skippedFrames: number;
  lastError: string | null;
  /** ack round trips, ms, newest last (at most 1000) */
  ackMs: number[];
}

/**
 * Batches a kiosk's frames per camera every `batchMs`, numbers them, keeps each in the outbox
 * until the server reports it stored, and after every (re)connect replays what is kept, in order.
 * The server ignores batches it has already applied, so replaying too much is harmless.
 */
export class ObservationSender {
  readonly stats: SenderStats = {
    sent: 0,
    acked: 0,
    duplicates: 0,
    rejected: 0,
    skippedFrames: 0,
    lastError: null,
    ackMs: [],
  };
  /** told when the server names a track by its face */
  onNamed: (cameraId: string, named: { trackId: number; workerId: string; name: string }[]) => void = () => {};
  private frames = new Map<string, ObservationFrame[]>();
  /** the last batch the server had accepted per camera, from the latest hello */
  private serverSeq = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private ready = false;
  /** batches are sealed one at a time, so seq order is storage order */
  private sealing: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly kioskId: string,
    private readonly cameraIds: readonly string[],
    private readonly store: OutboxStore,
    private readonly run: number,
    private readonly batchMs = 500,
  ) {
    socket.on('connect', () => void this.resume());
    socket.on('disconnect', () => (this.ready = false));
    socket.on('committed', (c: { cameraId: string; committedSeq: number }) => {
      void this.store.dropThrough(c.cameraId, c.committedSeq);
    });
    if (socket.connected) void this.resume();
    this.timer = setInterval(() => void this.flush(), batchMs);
  }

  push(cameraId: string, frame: ObservationFrame): void {
    const list = this.frames.get(cameraId) ?? [];
    list.push(frame);
    this.frames.set(cameraId, list);
  }

  /** Seals what is buffered into batches now (also runs every `batchMs`). */
  flush(): Promise<void> {
    this.sealing = this.sealing.then(async () => {
      for (const [cameraId, buffered] of this.frames) {
        this.frames.set(cameraId, []);
        for (let i = 0; i < buffered.length; i += MAX_BATCH_FRAMES) {
          const frames = buffered.slice(i, i + MAX_BATCH_FRAMES);
          const seq = await this.store.nextSeq(cameraId, (this.serverSeq.get(cameraId) ?? 0) + 1);
          const batch: ObservationBatch = { kioskId: this.kioskId, cameraId, run: this.run, seq, frames };
          await this.store.put(batch);
          if (this.ready) this.send(batch);
        }
      }
    });
    return this.sealing;
  }

  /** How many batches the server has not stored yet. */
  async pending(): Promise<number> {
    return (await this.store.all()).length;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async resume(): Promise<void> {
    const reply = (await this.socket
      .timeout(10_000)
      .emitWithAck('hello', { cameraIds: this.cameraIds })
      .catch(() => null)) as HelloReply | null;
    if (!reply?.ok) {
      this.stats.lastError = reply ? reply.message : 'no answer to hello';
      return;
    }
    await this.sealing;
    for (const [cameraId, s] of Object.entries(reply.streams)) {
      await this.store.dropThrough(cameraId, s.committedSeq);
      this.serverSeq.set(cameraId, s.lastSeq);
    }
    const kept = await this.store.all();
    this.ready = this.socket.connected;
    if (this.ready) for (const b of kept) this.send(b);
  }

  private send(batch: ObservationBatch): void {
    const t0 = performance.now();
    this.stats.sent++;
    this.socket.emit('observations', batch, (ack: ObservationAck) => {
      if (ack.ok) {
        this.stats.acked++;
        if (ack.duplicate) this.stats.duplicates++;
        if (ack.named) this.onNamed(batch.cameraId, ack.named);
        if (ack.skippedFrames) {
          this.stats.skippedFrames += ack.skippedFrames;
          this.stats.lastError = `${this.stats.skippedFrames} frames older than the camera's last one were not counted (this PC's clock stepped back)`;
        }
        this.stats.ackMs.push(performance.now() - t0);
        if (this.stats.ackMs.length > 1000) this.stats.ackMs.shift();
        void this.store.dropThrough(batch.cameraId, ack.committedSeq);
      } else {
        // Refused for its content: resending cannot help, so it is dropped and the reason shown.
        this.stats.rejected++;
        this.stats.lastError = ack.message;
        void this.store.remove(batch.cameraId, batch.seq);
      }
    });
  }
}
