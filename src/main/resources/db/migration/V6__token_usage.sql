-- LLM tokens spent per API key (by key name, as the audit log names callers) and UTC day: the daily token
-- budget survives restarts and is shared by every instance on the same metadata store.
CREATE TABLE token_usage (
    id        VARCHAR(240)  PRIMARY KEY,   -- key name + "|" + day: one row per key and UTC day
    key_name  VARCHAR(200)  NOT NULL,
    usage_day DATE          NOT NULL,
    tokens    BIGINT        NOT NULL,
    requests  BIGINT        NOT NULL
);
