-- Model registry: one row per trained model version (churn, purchase_propensity, rfm, behaviour). The model
-- files, provenance and feature importance live under the data folder (models/NAME/VERSION/); this table
-- says which versions exist, how they scored and which one is active (the one whose outputs segments read).

CREATE TABLE model_version (
    id            UUID          PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    version       INTEGER       NOT NULL,
    status        VARCHAR(20)   NOT NULL,   -- trained | failed
    trained_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    metrics_json  VARCHAR(100000),
    active        BOOLEAN       NOT NULL,
    path          VARCHAR(2000),
    error         VARCHAR(4000),
    CONSTRAINT model_version_unique UNIQUE (name, version)
);

CREATE INDEX model_version_name_idx ON model_version (name, version);
