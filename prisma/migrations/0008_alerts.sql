-- Alerts (issue #16): each alert is one rule holding for one subject, with its lifecycle (open →
-- acknowledged → resolved, snoozes), its escalation state kept here so timers survive a restart,
-- and every step in alert_history. Rule settings and escalation trees live in site_settings.
ALTER TABLE alerts ADD COLUMN subject VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN state VARCHAR(20) NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'acknowledged', 'resolved'));
ALTER TABLE alerts ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN resolved_by VARCHAR(50);
ALTER TABLE alerts ADD COLUMN resolution TEXT;
ALTER TABLE alerts ADD COLUMN root_cause TEXT;
ALTER TABLE alerts ADD COLUMN snoozed_until TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN next_escalation_at TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN anomaly_id INT REFERENCES anomalies(anomaly_id) ON DELETE SET NULL;
-- Exactly one alert per (rule, subject) until it resolves, whatever the application does.
CREATE UNIQUE INDEX uq_alerts_open_subject ON alerts (alert_type, subject) WHERE state <> 'resolved';
CREATE INDEX idx_alerts_state_escalation ON alerts (state, next_escalation_at);

CREATE TABLE alert_history (
    history_id BIGSERIAL PRIMARY KEY,
    alert_id INT NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE,
    "timestamp" TIMESTAMPTZ NOT NULL,
    action VARCHAR(20) NOT NULL
        CHECK (action IN ('raised', 'acknowledged', 'snoozed', 'escalated', 'resolved', 'auto_resolved', 'delivered')),
    actor VARCHAR(50),
    level INT,
    note TEXT,
    metadata JSONB
);
CREATE INDEX idx_alert_history_alert ON alert_history (alert_id, "timestamp");

-- Every delivery of an alert over a channel, with its outcome; retries are rows here (not timers),
-- and a delivery that failed its last attempt is 'dead' until an admin replays it.
CREATE TABLE alert_deliveries (
    delivery_id BIGSERIAL PRIMARY KEY,
    alert_id INT NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE,
    channel VARCHAR(20) NOT NULL CHECK (channel IN ('webhook', 'email', 'line', 'sms')),
    recipient VARCHAR(255) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts INT NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX idx_alert_deliveries_due ON alert_deliveries (status, next_attempt_at);

-- The day's summary at shift end (seed 000): work time, productivity per zone and index, anomalies,
-- best and weakest performers; stored as written, and e-mailed.
CREATE TABLE daily_summaries (
    date DATE PRIMARY KEY,
    summary JSONB NOT NULL,
    emailed_to TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
