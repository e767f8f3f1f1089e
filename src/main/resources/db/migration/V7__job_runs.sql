-- Long admin jobs (imports, model training and scoring) and how they ended. A row is written when a job is
-- queued or starts and updated at each phase, so a job cut short by kill -9 or power loss is still there at the
-- next start, marked running: start-up then marks it failed with the reason (one process per store, as for
-- refresh_run). GET /api/models/runs/{id} and the import report read these rows.
CREATE TABLE job_run (
    id           UUID          PRIMARY KEY,
    kind         VARCHAR(20)   NOT NULL,   -- import | training
    subject      VARCHAR(200)  NOT NULL,   -- the model name, or the imported tables
    status       VARCHAR(20)   NOT NULL,   -- queued | running | succeeded | failed
    phase        VARCHAR(200)  NOT NULL,
    percent      INTEGER       NOT NULL,
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      INTEGER,                  -- training: the model version it produced
    detail_json  VARCHAR(100000),          -- training: metrics; import: rows per table
    error        VARCHAR(4000)
);

CREATE INDEX job_run_kind_idx ON job_run (kind, queued_at);
CREATE INDEX job_run_status_idx ON job_run (status);
