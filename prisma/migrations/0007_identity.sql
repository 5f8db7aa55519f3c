-- Worker identity (issue #15): enrolments with version history, their photos, consent, the site's
-- identity mode, and the confidence a session's worker was named with. Face data is personal data:
-- every embedding and photo is stored sealed (AES-256-GCM, key outside the database), never in clear.

-- The plaintext column of the first schema never had a writer; sealed enrolments replace it.
ALTER TABLE workers DROP COLUMN face_embedding;
ALTER TABLE workers ADD COLUMN face_consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workers ADD COLUMN face_consent_at TIMESTAMPTZ;
ALTER TABLE workers ADD COLUMN face_consent_by VARCHAR(50);

CREATE TABLE face_enrolments (
    enrolment_id BIGSERIAL PRIMARY KEY,
    worker_id VARCHAR(50) NOT NULL REFERENCES workers(worker_id) ON DELETE CASCADE,
    version INT NOT NULL CHECK (version >= 1),
    -- the mean of the photos' embeddings, sealed
    embedding BYTEA NOT NULL,
    photo_count INT NOT NULL CHECK (photo_count BETWEEN 1 AND 20),
    created_by VARCHAR(50),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- set when a re-enrolment replaces it; the history stays until retention removes it
    superseded_at TIMESTAMPTZ,
    CONSTRAINT uq_face_enrolment_version UNIQUE (worker_id, version)
);
CREATE UNIQUE INDEX uq_face_enrolment_current ON face_enrolments (worker_id) WHERE superseded_at IS NULL;
CREATE INDEX idx_face_enrolments_created ON face_enrolments (created_at);

CREATE TABLE face_enrolment_photos (
    photo_id BIGSERIAL PRIMARY KEY,
    enrolment_id BIGINT NOT NULL REFERENCES face_enrolments(enrolment_id) ON DELETE CASCADE,
    -- sealed embedding and sealed JPEG of the face crop
    embedding BYTEA NOT NULL,
    image BYTEA,
    quality JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_face_photos_enrolment ON face_enrolment_photos (enrolment_id);

CREATE TABLE site_settings (
    key VARCHAR(100) PRIMARY KEY,
    value JSONB NOT NULL,
    updated_by VARCHAR(50),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

ALTER TABLE sessions ADD COLUMN identity_confidence REAL CHECK (identity_confidence BETWEEN -1 AND 1);
ALTER TABLE sessions ADD COLUMN identity_source VARCHAR(10) CHECK (identity_source IN ('face', 'badge'));
