-- Live segment state in the warehouse (DuckDB), created by the live package at start. One statement per ';'.

-- Current members of each live segment. Replaced per segment in one transaction by a refresh.
CREATE TABLE IF NOT EXISTS segment_members (
    segment_id  VARCHAR NOT NULL,    -- UUID of the saved segment
    version     INTEGER NOT NULL,    -- the segment version the member was last evaluated against
    customer_id BIGINT NOT NULL,
    entered_at  TIMESTAMP NOT NULL   -- UTC; kept while the customer stays a member
);

-- Per segment: its members' count and two XORed 64-bit hashes of their ids (see MemberFingerprints), written in
-- the same transaction as every change to its rows in segment_members. A full refresh compares new member sets
-- with these instead of scanning every stored member; a segment without a row is fingerprinted by a scan.
CREATE TABLE IF NOT EXISTS segment_fingerprints (
    segment_id  VARCHAR NOT NULL,
    version     INTEGER NOT NULL,    -- the version every member row of the segment carries
    size        BIGINT NOT NULL,
    h1          UBIGINT NOT NULL,
    h2          UBIGINT NOT NULL,
    changed     BOOLEAN NOT NULL DEFAULT false  -- the last full refresh found the set changed: the next one skips
                                                -- the fingerprint aggregate and evaluates it straight away
);

-- Every enter and exit, with the run that caused it.
CREATE TABLE IF NOT EXISTS segment_membership_history (
    segment_id  VARCHAR NOT NULL,
    customer_id BIGINT NOT NULL,
    change      VARCHAR NOT NULL,    -- entered | exited
    run_id      VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);

-- Scratch rows of one refresh transaction: the exits of many segments, deleted from segment_members in one
-- set-based DELETE ... USING and emptied before the transaction commits (so it is always empty outside one).
CREATE TABLE IF NOT EXISTS segment_member_exits (
    segment_id  VARCHAR NOT NULL,
    customer_id BIGINT NOT NULL
);

-- Ingested events by id: the primary key makes a replayed event a duplicate, not a second row.
CREATE TABLE IF NOT EXISTS ingested_events (
    event_id    VARCHAR PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    event_type  VARCHAR NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    row_key     BIGINT NOT NULL      -- the synthetic key given to the behavioural row (e.g. web_events.event_id)
);

-- Synthetic keys of ingested rows start far above generated and imported ids.
CREATE SEQUENCE IF NOT EXISTS ingested_row_key START 1000000000000000
