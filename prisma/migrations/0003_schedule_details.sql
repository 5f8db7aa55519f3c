-- Schedules beyond the seed's two fixed breaks: any number of breaks (lunch), the index mode, a
-- weekly default so a supervisor does not type every day, and audited break overrides.
-- break1_*/break2_* stay, filled from the first two breaks, for reports written against seed 004.

ALTER TABLE schedules ADD COLUMN breaks JSONB NOT NULL DEFAULT '[]';
ALTER TABLE schedules ADD COLUMN index_mode VARCHAR(10) NOT NULL DEFAULT 'equal' CHECK (index_mode IN ('equal', 'fixed'));
ALTER TABLE schedules ADD COLUMN fixed_minutes INTEGER CHECK (fixed_minutes > 0);

UPDATE schedules SET breaks = (
    SELECT COALESCE(jsonb_agg(b ORDER BY b->>'start'), '[]'::jsonb)
      FROM (
        SELECT jsonb_build_object('start', to_char(break1_start, 'HH24:MI:SS'), 'durationMin', break1_duration) AS b
         WHERE break1_start IS NOT NULL
        UNION ALL
        SELECT jsonb_build_object('start', to_char(break2_start, 'HH24:MI:SS'), 'durationMin', break2_duration)
         WHERE break2_start IS NOT NULL
      ) AS seed_breaks
);

CREATE TABLE schedule_templates (
    weekday         SMALLINT PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    working         BOOLEAN NOT NULL DEFAULT TRUE,
    work_start_time TIME NOT NULL,
    work_end_time   TIME NOT NULL,
    breaks          JSONB NOT NULL DEFAULT '[]',
    total_indices   INTEGER NOT NULL DEFAULT 11 CHECK (total_indices > 0),
    index_mode      VARCHAR(10) NOT NULL DEFAULT 'equal' CHECK (index_mode IN ('equal', 'fixed')),
    fixed_minutes   INTEGER CHECK (fixed_minutes > 0),
    updated_by      VARCHAR(50),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The seed's shift, Monday to Saturday; Sunday off.
INSERT INTO schedule_templates (weekday, working, work_start_time, work_end_time, breaks)
SELECT d, d <> 0, '08:00', '17:00',
       '[{"start": "10:00:00", "durationMin": 15}, {"start": "15:00:00", "durationMin": 15}]'::jsonb
  FROM generate_series(0, 6) AS d;

CREATE TABLE break_overrides (
    override_id SERIAL PRIMARY KEY,
    date        DATE NOT NULL,
    action      VARCHAR(10) NOT NULL CHECK (action IN ('start', 'end', 'extend')),
    at          TIMESTAMPTZ NOT NULL,
    minutes     INTEGER CHECK (minutes > 0),
    reason      TEXT,
    user_id     VARCHAR(50),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_break_overrides_date ON break_overrides(date, at);
