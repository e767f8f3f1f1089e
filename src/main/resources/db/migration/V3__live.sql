-- Live segments: per-segment live settings, webhooks and their delivery log. Memberships themselves are
-- behavioural data and live in DuckDB (segment_members, segment_membership_history), not here.

-- One row per segment that has settings other than the defaults (absent row = defaults).
CREATE TABLE segment_live (
    segment_id               UUID          PRIMARY KEY REFERENCES segment (id),
    refresh_interval_seconds INTEGER,                 -- null: the global segment.live.refresh-interval
    campaign_eligible        BOOLEAN       NOT NULL,
    priority                 INTEGER       NOT NULL,  -- higher wins among campaign-eligible segments
    holdout_percent          DOUBLE PRECISION NOT NULL, -- 0..50: deterministic control group share
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook (
    id          UUID          PRIMARY KEY,
    segment_id  UUID          NOT NULL REFERENCES segment (id),
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    events      VARCHAR(50)   NOT NULL,   -- entered | exited | entered,exited
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    active      BOOLEAN       NOT NULL
);

CREATE INDEX webhook_segment_idx ON webhook (segment_id);

-- One row per attempt: a delivery retried three times leaves three rows with the same delivery_id.
CREATE TABLE webhook_delivery (
    id          UUID          PRIMARY KEY,
    delivery_id UUID          NOT NULL,
    webhook_id  UUID          NOT NULL REFERENCES webhook (id),
    run_id      UUID,
    attempt     INTEGER       NOT NULL,
    status_code INTEGER,
    outcome     VARCHAR(20)   NOT NULL,   -- delivered | failed | gave_up
    error       VARCHAR(2000),
    entered     INTEGER       NOT NULL,
    exited      INTEGER       NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, at);
