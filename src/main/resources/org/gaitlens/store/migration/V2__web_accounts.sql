-- gaitlens study store, schema version 5: accounts, sign-in sessions, patient access, public ids and the audit
-- log of the clinic web app (gaitlens serve). Portable across SQLite and PostgreSQL like V1 (same placeholders).
-- Versions 2-4 are reserved for other parts of gaitlens. Booleans are INTEGER 0/1.

-- People who sign in. password_hash is an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
CREATE TABLE app_user (
    id            ${id_pk},
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'THERAPIST')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);

-- Which therapist may see which patient (admins see all): the creator, and anyone an admin assigns.
CREATE TABLE patient_access (
    user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    patient_id BIGINT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, patient_id)
);
CREATE INDEX patient_access_patient ON patient_access (patient_id);

-- Signed-in browser sessions. Only the SHA-256 of the cookie value is stored, so a copy of the database cannot
-- be used to sign in. csrf_token is the synchroniser token every form of the session must send back.
CREATE TABLE web_session (
    token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX web_session_user ON web_session (user_id);

-- Unguessable ids for URLs (128 random bits, base64url), one per (kind, internal id). Every access is still
-- authorised: an id alone grants nothing.
CREATE TABLE public_ref (
    public_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('PATIENT', 'SESSION', 'RUN')),
    internal_id BIGINT NOT NULL,
    UNIQUE (kind, internal_id)
);

-- Who uploaded, viewed or downloaded what, when and from where; sign-ins and refusals too.
CREATE TABLE audit_event (
    id       ${id_pk},
    at       TEXT NOT NULL,
    username TEXT,
    ip       TEXT NOT NULL DEFAULT '',
    action   TEXT NOT NULL,
    target   TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_at ON audit_event (at);
