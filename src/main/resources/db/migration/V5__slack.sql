-- Slack: drafts offered with a "Save segment" button, and channels told about a segment's entries and exits.

-- A draft is kept server-side because a button value holds at most 2,000 characters and a definition can be
-- longer; the button carries only the id. Rows older than segment.slack.draft-ttl are purged.
CREATE TABLE slack_draft (
    id             UUID          PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000),
    definition     TEXT          NOT NULL,
    source_request VARCHAR(4000),
    created_by     VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_segment  UUID
);

CREATE INDEX slack_draft_created_idx ON slack_draft (created_at);

CREATE TABLE slack_notification (
    id          UUID          PRIMARY KEY,
    segment_id  UUID          NOT NULL REFERENCES segment (id),
    channel     VARCHAR(100)  NOT NULL,
    events      VARCHAR(50)   NOT NULL,   -- entered | exited | entered,exited
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    active      BOOLEAN       NOT NULL
);

CREATE INDEX slack_notification_segment_idx ON slack_notification (segment_id);
