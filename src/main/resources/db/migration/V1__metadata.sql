-- Metadata store: saved segments with immutable versions, refresh runs, audit log.
-- Portable between PostgreSQL and H2 (PostgreSQL mode). Behavioural data never lives here (it is in DuckDB).

CREATE TABLE segment (
    id              UUID          PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000),
    current_version INTEGER       NOT NULL,
    status          VARCHAR(20)   NOT NULL,   -- active | deleted
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX segment_status_idx ON segment (status, updated_at);

-- A version is never updated: every change to a segment inserts the next version.
CREATE TABLE segment_version (
    id              UUID          PRIMARY KEY,
    segment_id      UUID          NOT NULL REFERENCES segment (id),
    version         INTEGER       NOT NULL,
    definition_json VARCHAR(100000) NOT NULL,
    explanation     VARCHAR(10000),
    source_request  VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    CONSTRAINT segment_version_unique UNIQUE (segment_id, version)
);

CREATE TABLE refresh_run (
    id           UUID         PRIMARY KEY,
    segment_id   UUID         NOT NULL REFERENCES segment (id),
    version      INTEGER      NOT NULL,
    trigger_kind VARCHAR(20)  NOT NULL,        -- manual | schedule | event | import | model
    status       VARCHAR(20)  NOT NULL,        -- running | succeeded | failed
    as_of        TIMESTAMP WITH TIME ZONE,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    members      BIGINT,
    entered      BIGINT,
    exited       BIGINT,
    error        VARCHAR(4000)
);

CREATE INDEX refresh_run_segment_idx ON refresh_run (segment_id, started_at);

CREATE TABLE audit_entry (
    id          UUID          PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(50)   NOT NULL,       -- segment.create | segment.update | segment.delete | segment.export ...
    target_type VARCHAR(50),
    target_id   VARCHAR(200),
    detail      VARCHAR(4000)
);

CREATE INDEX audit_entry_at_idx ON audit_entry (at);
