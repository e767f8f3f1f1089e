-- API keys with roles (viewer, editor, admin). Only the SHA-256 of a key is stored.
CREATE TABLE api_key (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    role        VARCHAR(20)   NOT NULL,
    key_hash    VARCHAR(64)   NOT NULL UNIQUE,
    key_prefix  VARCHAR(20)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200)  NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
