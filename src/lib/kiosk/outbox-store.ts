import { openDB, type DBSchema } from 'idb';
import type { ObservationBatch } from '../protocol/observations.js';

/**
 * Batches not yet stored by the server. The kiosk drops them only when the server reports them
 * committed, so a lost connection, a server restart or a page reload loses nothing.
 */
export interface OutboxStore {
  put(batch: ObservationBatch): Promise<void>;
  /** every kept batch, oldest first per camera */
  all(): Promise<ObservationBatch[]>;
  /** forgets the camera's batches up to and including `seq` */
  dropThrough(cameraId: string, seq: number): Promise<void>;
  /** forgets one batch (the server refused it for its content) */
  remove(cameraId: string, seq: number): Promise<void>;
  /** a tracker run number not used before by this kiosk */
  nextRun(): Promise<number>;
  /** the next batch number for a camera, never handed out before, even across reloads */
  nextSeq(cameraId: string, atLeast: number): Promise<number>;
}

const bySeq = (a: ObservationBatch, b: ObservationBatch) => a.cameraId.localeCompare(b.cameraId) || a.seq - b.seq;

export function memoryOutboxStore(firstRun = 1): OutboxStore {
  const kept = new Map<string, ObservationBatch>();
  let run = firstRun;
  const seqs = new Map<string, number>();
  return {
    async put(b) {
      kept.set(`${b.cameraId}/${b.seq}`, b);
    },
    async all() {
      return [...kept.values()].sort(bySeq);
    },
    async dropThrough(cameraId, seq) {
      for (const [k, b] of kept) if (b.cameraId === cameraId && b.seq <= seq) kept.delete(k);
    },
    async remove(cameraId, seq) {
      kept.delete(`${cameraId}/${seq}`);
    },
    async nextRun() {
      return run++;
    },
    async nextSeq(cameraId, atLeast) {
      const seq = Math.max((seqs.get(cameraId) ?? 0) + 1, atLeast);
      seqs.set(cameraId, seq);
      return seq;
    },
  };
}

interface OutboxDb extends DBSchema {
  batches: { key: [string, number]; value: ObservationBatch };
  meta: { key: string; value: number };
}

/** The browser's store: IndexedDB survives reloads and a closed browser. */
export async function indexedDbOutboxStore(name = 'floorsight-outbox'): Promise<OutboxStore> {
  const db = await openDB<OutboxDb>(name, 1, {
    upgrade(d) {
      d.createObjectStore('batches', { keyPath: ['cameraId', 'seq'] });
      d.createObjectStore('meta');
    },
  });
  return {
    async put(b) {
      await db.put('batches', b);
    },
    async all() {
      return (await db.getAll('batches')).sort(bySeq);
    },
    async dropThrough(cameraId, seq) {
      await db.delete('batches', IDBKeyRange.bound([cameraId, 0], [cameraId, seq]));
    },
    async remove(cameraId, seq) {
      await db.delete('batches', [cameraId, seq]);
    },
    async nextRun() {
      const tx = db.transaction('meta', 'readwrite');
      const run = ((await tx.store.get('run')) ?? 0) + 1;
      await tx.store.put(run, 'run');
      await tx.done;
      return run;
    },
    async nextSeq(cameraId, atLeast) {
      const tx = db.transaction('meta', 'readwrite');
      const seq = Math.max(((await tx.store.get(`seq:${cameraId}`)) ?? 0) + 1, atLeast);
      await tx.store.put(seq, `seq:${cameraId}`);
      await tx.done;
      return seq;
    },
  };
}
