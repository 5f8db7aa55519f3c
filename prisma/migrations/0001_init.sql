-- Floorsight initial schema: the tables of seed 004 plus users, auth sessions, API keys and kiosks.
-- Booleans and audit timestamps that the seed declares with a DEFAULT are NOT NULL here: a NULL
-- "active" or "created_at" has no meaning and would only have to be handled everywhere.

CREATE TABLE workers (
    worker_id           VARCHAR(50) PRIMARY KEY,
    name                VARCHAR(255) NOT NULL,
    badge_id            VARCHAR(50) UNIQUE,
    face_embedding      BYTEA,
    shift               VARCHAR(20),
    skill_level         VARCHAR(50),
    station_assignments JSONB,
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_workers_badge ON workers(badge_id);
CREATE INDEX idx_workers_shift ON workers(shift);
CREATE INDEX idx_workers_active ON workers(active);

CREATE TABLE cameras (
    camera_id          VARCHAR(50) PRIMARY KEY,
    name               VARCHAR(255) NOT NULL,
    source_kind        VARCHAR(10) NOT NULL DEFAULT 'rtsp' CHECK (source_kind IN ('rtsp', 'usb', 'file')),
    rtsp_url           TEXT,
    usb_device         VARCHAR(50),
    file_path          TEXT,
    location           VARCHAR(255),
    status             VARCHAR(20) NOT NULL DEFAULT 'active',
    calibration_params JSONB,
    resolution         VARCHAR(20) NOT NULL DEFAULT '1920x1080',
    fps                INTEGER NOT NULL DEFAULT 30,
    last_seen_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_cameras_status ON cameras(status);
CREATE INDEX idx_cameras_last_seen ON cameras(last_seen_at);

CREATE TABLE zones (
    zone_id           VARCHAR(50) PRIMARY KEY,
    camera_id         VARCHAR(50) NOT NULL,
    name              VARCHAR(255) NOT NULL,
    polygon_coords    JSONB NOT NULL,
    zone_type         VARCHAR(50) NOT NULL DEFAULT 'work_area',
    color             VARCHAR(20) NOT NULL DEFAULT '#00FF00',
    min_workers       INTEGER NOT NULL DEFAULT 1,
    max_workers       INTEGER NOT NULL DEFAULT 3,
    alert_on_empty    BOOLEAN NOT NULL DEFAULT FALSE,
    alert_on_overflow BOOLEAN NOT NULL DEFAULT TRUE,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_camera FOREIGN KEY (camera_id) REFERENCES cameras(camera_id) ON DELETE CASCADE,
    CONSTRAINT chk_zone_workers CHECK (min_workers >= 0 AND max_workers >= min_workers)
);
CREATE INDEX idx_zones_camera ON zones(camera_id);
CREATE INDEX idx_zones_type ON zones(zone_type);
CREATE INDEX idx_zones_active ON zones(active);

-- The key includes "timestamp" because a Timescale hypertable needs the time column in every
-- unique index (see 0002_timescale.sql).
CREATE TABLE time_logs (
    log_id                  BIGSERIAL,
    "timestamp"             TIMESTAMPTZ NOT NULL,
    worker_id               VARCHAR(50),
    track_id                INTEGER NOT NULL,
    zone_id                 VARCHAR(50),
    camera_id               VARCHAR(50) NOT NULL,
    state                   VARCHAR(20) NOT NULL CHECK (state IN ('active', 'idle', 'unknown')),
    active_duration_seconds INTEGER NOT NULL DEFAULT 0,
    idle_duration_seconds   INTEGER NOT NULL DEFAULT 0,
    index_number            INTEGER,
    motion_score            DOUBLE PRECISION,
    bbox_coords             JSONB,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (log_id, "timestamp"),
    CONSTRAINT fk_time_log_worker FOREIGN KEY (worker_id) REFERENCES workers(worker_id) ON DELETE SET NULL,
    CONSTRAINT fk_time_log_zone FOREIGN KEY (zone_id) REFERENCES zones(zone_id) ON DELETE SET NULL,
    CONSTRAINT fk_time_log_camera FOREIGN KEY (camera_id) REFERENCES cameras(camera_id) ON DELETE CASCADE
);
CREATE INDEX idx_time_logs_worker_time ON time_logs(worker_id, "timestamp" DESC);
CREATE INDEX idx_time_logs_zone_time ON time_logs(zone_id, "timestamp" DESC);
CREATE INDEX idx_time_logs_track ON time_logs(track_id, "timestamp" DESC);
CREATE INDEX idx_time_logs_index ON time_logs(index_number, "timestamp" DESC);
CREATE INDEX idx_time_logs_state ON time_logs(state);

-- index_number is nullable: a session seen outside the shift (or before a schedule exists)
-- belongs to no index, and inventing one would distort the index records.
CREATE TABLE sessions (
    session_id           VARCHAR(100) PRIMARY KEY,
    worker_id            VARCHAR(50),
    zone_id              VARCHAR(50) NOT NULL,
    track_id             INTEGER NOT NULL,
    entry_time           TIMESTAMPTZ NOT NULL,
    exit_time            TIMESTAMPTZ,
    total_active_seconds INTEGER NOT NULL DEFAULT 0,
    total_idle_seconds   INTEGER NOT NULL DEFAULT 0,
    index_number         INTEGER,
    status               VARCHAR(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'interrupted')),
    entry_snapshot       TEXT,
    exit_snapshot        TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_session_worker FOREIGN KEY (worker_id) REFERENCES workers(worker_id) ON DELETE SET NULL,
    CONSTRAINT fk_session_zone FOREIGN KEY (zone_id) REFERENCES zones(zone_id) ON DELETE CASCADE
);
CREATE INDEX idx_sessions_worker_index ON sessions(worker_id, index_number);
CREATE INDEX idx_sessions_zone_time ON sessions(zone_id, entry_time DESC);
CREATE INDEX idx_sessions_status ON sessions(status);
CREATE INDEX idx_sessions_entry_time ON sessions(entry_time DESC);

CREATE TABLE index_records (
    index_id             SERIAL PRIMARY KEY,
    date                 DATE NOT NULL,
    index_number         INTEGER NOT NULL,
    scheduled_start      TIMESTAMPTZ NOT NULL,
    scheduled_end        TIMESTAMPTZ NOT NULL,
    actual_start         TIMESTAMPTZ,
    actual_end           TIMESTAMPTZ,
    zone_metrics         JSONB,
    completion_status    VARCHAR(50),
    total_workers        INTEGER,
    total_active_seconds INTEGER,
    total_idle_seconds   INTEGER,
    productivity_score   DOUBLE PRECISION,
    anomalies_count      INTEGER NOT NULL DEFAULT 0,
    notes                TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT unique_date_index UNIQUE (date, index_number)
);
CREATE INDEX idx_index_records_date ON index_records(date DESC);
CREATE INDEX idx_index_records_index_number ON index_records(index_number);
CREATE INDEX idx_index_records_productivity ON index_records(productivity_score);

CREATE TABLE anomalies (
    anomaly_id    SERIAL PRIMARY KEY,
    "timestamp"   TIMESTAMPTZ NOT NULL,
    anomaly_type  VARCHAR(100) NOT NULL,
    severity      VARCHAR(20) NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    zone_id       VARCHAR(50),
    worker_id     VARCHAR(50),
    camera_id     VARCHAR(50),
    index_number  INTEGER,
    description   TEXT,
    root_cause    TEXT,
    resolution    TEXT,
    auto_detected BOOLEAN NOT NULL DEFAULT TRUE,
    resolved      BOOLEAN NOT NULL DEFAULT FALSE,
    resolved_at   TIMESTAMPTZ,
    resolved_by   VARCHAR(50),
    metadata      JSONB,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_anomaly_zone FOREIGN KEY (zone_id) REFERENCES zones(zone_id) ON DELETE SET NULL,
    CONSTRAINT fk_anomaly_worker FOREIGN KEY (worker_id) REFERENCES workers(worker_id) ON DELETE SET NULL,
    CONSTRAINT fk_anomaly_camera FOREIGN KEY (camera_id) REFERENCES cameras(camera_id) ON DELETE SET NULL
);
CREATE INDEX idx_anomalies_timestamp ON anomalies("timestamp" DESC);
CREATE INDEX idx_anomalies_type ON anomalies(anomaly_type);
CREATE INDEX idx_anomalies_severity ON anomalies(severity);
CREATE INDEX idx_anomalies_resolved ON anomalies(resolved);
CREATE INDEX idx_anomalies_zone_time ON anomalies(zone_id, "timestamp" DESC);

CREATE TABLE alerts (
    alert_id        SERIAL PRIMARY KEY,
    "timestamp"     TIMESTAMPTZ NOT NULL,
    alert_type      VARCHAR(100) NOT NULL,
    severity        VARCHAR(20) NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    zone_id         VARCHAR(50),
    worker_id       VARCHAR(50),
    camera_id       VARCHAR(50),
    message         TEXT NOT NULL,
    acknowledged    BOOLEAN NOT NULL DEFAULT FALSE,
    acknowledged_by VARCHAR(50),
    acknowledged_at TIMESTAMPTZ,
    action_taken    TEXT,
    auto_resolved   BOOLEAN NOT NULL DEFAULT FALSE,
    metadata        JSONB,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_alert_zone FOREIGN KEY (zone_id) REFERENCES zones(zone_id) ON DELETE SET NULL,
    CONSTRAINT fk_alert_worker FOREIGN KEY (worker_id) REFERENCES workers(worker_id) ON DELETE SET NULL,
    CONSTRAINT fk_alert_camera FOREIGN KEY (camera_id) REFERENCES cameras(camera_id) ON DELETE SET NULL
);
CREATE INDEX idx_alerts_timestamp ON alerts("timestamp" DESC);
CREATE INDEX idx_alerts_type ON alerts(alert_type);
CREATE INDEX idx_alerts_severity ON alerts(severity);
CREATE INDEX idx_alerts_acknowledged ON alerts(acknowledged);
CREATE INDEX idx_alerts_zone ON alerts(zone_id);

CREATE TABLE schedules (
    schedule_id     SERIAL PRIMARY KEY,
    date            DATE NOT NULL UNIQUE,
    work_start_time TIME NOT NULL,
    work_end_time   TIME NOT NULL,
    break1_start    TIME,
    break1_duration INTEGER,
    break2_start    TIME,
    break2_duration INTEGER,
    index_timeline  JSONB NOT NULL,
    total_indices   INTEGER NOT NULL DEFAULT 11 CHECK (total_indices > 0),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    notes           TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_schedules_date ON schedules(date DESC);
CREATE INDEX idx_schedules_active ON schedules(active);

CREATE TABLE system_logs (
    log_id      BIGSERIAL PRIMARY KEY,
    "timestamp" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    level       VARCHAR(20) NOT NULL,
    component   VARCHAR(100) NOT NULL,
    message     TEXT NOT NULL,
    stack_trace TEXT,
    user_id     VARCHAR(50),
    metadata    JSONB,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_system_logs_timestamp ON system_logs("timestamp" DESC);
CREATE INDEX idx_system_logs_level ON system_logs(level);
CREATE INDEX idx_system_logs_component ON system_logs(component);

-- The seed's idx_zone_templates_name is left out: the UNIQUE constraint on name is already an index.
CREATE TABLE zone_templates (
    template_id   SERIAL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL UNIQUE,
    description   TEXT,
    template_data JSONB NOT NULL,
    camera_type   VARCHAR(50),
    created_by    VARCHAR(50),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_zone_templates_camera_type ON zone_templates(camera_type);

CREATE TABLE audit_logs (
    audit_id    BIGSERIAL PRIMARY KEY,
    table_name  VARCHAR(100) NOT NULL,
    operation   VARCHAR(10) NOT NULL,
    old_data    JSONB,
    new_data    JSONB,
    user_id     VARCHAR(50),
    "timestamp" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_audit_logs_table_time ON audit_logs(table_name, "timestamp" DESC);

CREATE TABLE users (
    user_id       VARCHAR(50) PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    display_name  VARCHAR(255) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'supervisor', 'operator', 'viewer')),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    last_login_at TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE auth_sessions (
    token_hash CHAR(64) PRIMARY KEY,
    user_id    VARCHAR(50) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT fk_auth_session_user FOREIGN KEY (user_id) REFERENCES users(user_id) ON DELETE CASCADE
);
CREATE INDEX idx_auth_sessions_user ON auth_sessions(user_id);
CREATE INDEX idx_auth_sessions_expires ON auth_sessions(expires_at);

CREATE TABLE api_keys (
    api_key_id   VARCHAR(50) PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    prefix       VARCHAR(16) NOT NULL UNIQUE,
    key_hash     CHAR(64) NOT NULL,
    role         VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'supervisor', 'operator', 'viewer')),
    created_by   VARCHAR(50),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE TABLE kiosk_devices (
    kiosk_id     VARCHAR(50) PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    prefix       VARCHAR(16) NOT NULL UNIQUE,
    token_hash   CHAR(64) NOT NULL,
    camera_ids   JSONB NOT NULL DEFAULT '[]',
    telemetry    JSONB,
    created_by   VARCHAR(50),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_seen_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
