import type { IngestCommit, IngestRepository, StreamCursor } from './domain/ports.js';
import type { StreamSnapshot } from './domain/session-engine.js';
import type { PrismaClient } from '../../platform/db/generated/client.js';

// Column arrays go in as one parameter each and come apart with UNNEST: one statement per table
// however many rows, instead of a round trip per row. Rows for a zone or camera deleted meanwhile
// are dropped by the joins rather than failing the whole commit on a foreign key.
const INSERT_TIME_LOGS = `
INSERT INTO time_logs ("timestamp", worker_id, track_id, zone_id, camera_id, state,
                       active_duration_seconds, idle_duration_seconds, index_number, motion_score, bbox_coords)
SELECT to_timestamp(u.ts / 1000.0), w.worker_id, u.track_id, u.zone_id, u.camera_id, u.state,
       u.active_s, u.idle_s, u.index_number, u.motion, u.bbox::jsonb
  FROM UNNEST($1::float8[], $2::text[], $3::int4[], $4::text[], $5::text[], $6::text[],
              $7::int4[], $8::int4[], $9::int4[], $10::float8[], $11::text[])
       AS u(ts, worker_id, track_id, zone_id, camera_id, state, active_s, idle_s, index_number, motion, bbox)
  JOIN zones z ON z.zone_id = u.zone_id AND z.camera_id = u.camera_id
  LEFT JOIN workers w ON w.worker_id = u.worker_id`;

const UPSERT_SESSIONS = `
INSERT INTO sessions (session_id, worker_id, zone_id, track_id, entry_time, exit_time,
                      total_active_seconds, total_idle_seconds, index_number, status,
                      identity_confidence, identity_source, updated_at)
SELECT u.session_id, w.worker_id, u.zone_id, u.track_id, to_timestamp(u.entry / 1000.0),
       to_timestamp(u.exit / 1000.0), u.active_s, u.idle_s, u.index_number, u.status,
       CASE WHEN w.worker_id IS NULL THEN NULL ELSE u.confidence END,
       CASE WHEN w.worker_id IS NULL THEN NULL ELSE u.source END, CURRENT_TIMESTAMP
  FROM UNNEST($1::text[], $2::text[], $3::text[], $4::int4[], $5::float8[], $6::float8[],
              $7::int4[], $8::int4[], $9::int4[], $10::text[], $11::float4[], $12::text[])
       AS u(session_id, worker_id, zone_id, track_id, entry, exit, active_s, idle_s, index_number, status,
            confidence, source)
  JOIN zones z ON z.zone_id = u.zone_id
  LEFT JOIN workers w ON w.worker_id = u.worker_id
ON CONFLICT (session_id) DO UPDATE SET
  -- The engine's worker is the truth, unlinks included (one active track per worker).
  worker_id = EXCLUDED.worker_id,
  identity_confidence = EXCLUDED.identity_confidence,
  identity_source = EXCLUDED.identity_source,
  track_id = EXCLUDED.track_id,
  exit_time = EXCLUDED.exit_time,
  total_active_seconds = EXCLUDED.total_active_seconds,
  total_idle_seconds = EXCLUDED.total_idle_seconds,
  index_number = EXCLUDED.index_number,
  status = EXCLUDED.status,
  updated_at = EXCLUDED.updated_at`;

const UPSERT_STREAMS = `
INSERT INTO ingest_streams (kiosk_id, camera_id, run, last_seq, engine_state, updated_at)
SELECT u.kiosk_id, u.camera_id, u.run, u.last_seq, u.state::jsonb, CURRENT_TIMESTAMP
  FROM UNNEST($1::text[], $2::text[], $3::int4[], $4::int8[], $5::text[])
       AS u(kiosk_id, camera_id, run, last_seq, state)
ON CONFLICT (kiosk_id, camera_id) DO UPDATE SET
  run = EXCLUDED.run, last_seq = EXCLUDED.last_seq, engine_state = EXCLUDED.engine_state,
  updated_at = EXCLUDED.updated_at`;

export function createIngestRepository(prisma: PrismaClient): IngestRepository {
  return {
    async loadStreams(): Promise<StreamCursor[]> {
      const rows = await prisma.ingestStream.findMany();
      return rows.map((r) => ({
        kioskId: r.kioskId,
        cameraId: r.cameraId,
        run: r.run,
        lastSeq: Number(r.lastSeq),
        state: r.engineState as unknown as StreamSnapshot,
      }));
    },

    /** Stores rows, session changes and stream cursors together: all of them or none. */
    async commit({ rows, sessions, streams }: IngestCommit): Promise<void> {
      const col = <T, V>(xs: readonly T[], f: (x: T) => V) => xs.map(f);
      await prisma.$transaction([
        prisma.$executeRawUnsafe(
          INSERT_TIME_LOGS,
          col(rows, (r) => r.timestampMs),
          col(rows, (r) => r.workerId),
          col(rows, (r) => r.trackId),
          col(rows, (r) => r.zoneId),
          col(rows, (r) => r.cameraId),
          col(rows, (r) => r.state),
          col(rows, (r) => r.activeSeconds),
          col(rows, (r) => r.idleSeconds),
          col(rows, (r) => r.indexNumber),
          col(rows, (r) => Math.round(r.motion * 1e4) / 1e4),
          col(rows, (r) => JSON.stringify(r.box.map((v) => Math.round(v * 1e4) / 1e4))),
        ),
        prisma.$executeRawUnsafe(
          UPSERT_SESSIONS,
          col(sessions, (s) => s.sessionId),
          col(sessions, (s) => s.workerId),
          col(sessions, (s) => s.zoneId),
          col(sessions, (s) => s.trackId),
          col(sessions, (s) => s.entryMs),
          col(sessions, (s) => s.exitMs),
          col(sessions, (s) => Math.round(s.activeMs / 1000)),
          col(sessions, (s) => Math.round(s.idleMs / 1000)),
          col(sessions, (s) => s.indexNumber),
          col(sessions, (s) => s.status),
          col(sessions, (s) => s.identityConfidence),
          col(sessions, (s) => s.identitySource),
        ),
        prisma.$executeRawUnsafe(
          UPSERT_STREAMS,
          col(streams, (s) => s.kioskId),
          col(streams, (s) => s.cameraId),
          col(streams, (s) => s.run),
          col(streams, (s) => s.lastSeq),
          col(streams, (s) => JSON.stringify(s.state)),
        ),
      ]);
    },
  };
}
