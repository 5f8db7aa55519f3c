-- The core path: per-zone idle threshold (seed 000 phase 5.6 "different thresholds per zone") and
-- the intake's durable state per (kiosk, camera) stream: the last batch stored and the session
-- engine's snapshot, written in the same transaction as the rows they produced, so a restart
-- resumes exactly and a replayed batch is recognised.

ALTER TABLE zones ADD COLUMN idle_threshold_seconds INTEGER NOT NULL DEFAULT 60 CHECK (idle_threshold_seconds > 0);

CREATE TABLE ingest_streams (
    kiosk_id     VARCHAR(50) NOT NULL,
    camera_id    VARCHAR(50) NOT NULL,
    run          INTEGER NOT NULL,
    last_seq     BIGINT NOT NULL,
    engine_state JSONB NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (kiosk_id, camera_id)
);
