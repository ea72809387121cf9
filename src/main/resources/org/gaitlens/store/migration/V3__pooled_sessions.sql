-- gaitlens study store, schema version 3: a session filmed as several recordings (clips) is analysed as one
-- pooled run. Portable across SQLite and PostgreSQL like V1 (same placeholders). (The V2 script's header still
-- names its number before it was renumbered; its text is part of its checksum, so it stays as applied.)
--
-- A run covers a SET of recordings, listed here in session order (position 0, 1, ...). analysis_run.recording_id
-- stays the run's first recording (position 0), so (recording_id, settings_hash) is still the idempotency key:
-- for a run of several recordings the caller's settings hash covers the settings and the sorted SHA-256s of all
-- its recordings, so another set of clips is another run.
CREATE TABLE run_recording (
    run_id       BIGINT NOT NULL REFERENCES analysis_run (id) ON DELETE CASCADE,
    recording_id BIGINT NOT NULL REFERENCES recording (id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (run_id, position),
    UNIQUE (run_id, recording_id)
);
CREATE INDEX run_recording_recording ON run_recording (recording_id);

-- Every run stored so far analysed one recording: its session stays a one-recording session.
INSERT INTO run_recording (run_id, recording_id, position)
SELECT id, recording_id, 0 FROM analysis_run;

-- When a clip is added to a session, the pooled analysis runs again as a new run; the old run and its results are
-- kept, marked as superseded by the new one (NULL: current).
ALTER TABLE analysis_run ADD COLUMN superseded_by BIGINT REFERENCES analysis_run (id);
