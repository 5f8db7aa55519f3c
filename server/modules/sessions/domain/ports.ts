import type { SessionRecord, StreamSnapshot, TimeLogRow } from './session-engine.js';

/** Where a kiosk camera stream stands in the store: its last stored batch and the engine's snapshot. */
export interface StreamCursor {
  kioskId: string;
  cameraId: string;
  run: number;
  lastSeq: number;
  state: StreamSnapshot;
}

/** What one commit stores together: all of it or none. */
export interface IngestCommit {
  rows: readonly TimeLogRow[];
  sessions: readonly SessionRecord[];
  streams: readonly StreamCursor[];
}

export interface IngestRepository {
  loadStreams(): Promise<StreamCursor[]>;
  commit(c: IngestCommit): Promise<void>;
}

export interface TimeTotals {
  activeSeconds: number;
  idleSeconds: number;
}

export interface MetricsRepository {
  /** Active and idle seconds per (zone, index) logged within [from, to). */
  timeByZoneAndIndex(
    from: Date,
    to: Date,
  ): Promise<{ zoneId: string | null; indexNumber: number | null; activeSeconds: number; idleSeconds: number }[]>;
  /** Sessions entered within [from, to): how many, how many still open, how many named workers. */
  sessionCounts(from: Date, to: Date): Promise<{ sessions: number; openSessions: number; workers: number }>;
}

/** The settings the intake runs with (from the configuration). */
export interface IntakeSettings {
  graceMs: number;
  leaveAfterMs: number;
  idleThresholdMs: number;
  logEveryMs: number;
  /** how often accepted batches are stored (and `committedSeq` moves) */
  commitEveryMs: number;
  /** a camera stream silent this long (server clock) has its sessions interrupted */
  staleAfterMs: number;
  /** frames dated further ahead of the server's clock than this are refused */
  maxClockSkewMs: number;
  /** frames older than this (a kiosk's outbox after an outage, or a clock far behind) are refused */
  maxBacklogMs: number;
}
