-- Behavioural warehouse (DuckDB). One statement per ';'. Created by the warehouse package at first start.
-- No PRIMARY KEY constraints: DuckDB's ART indexes slow the appender several-fold; uniqueness of ids is
-- guaranteed by the generator and checked by the importer instead.
-- Timestamps are UTC (TIMESTAMP without zone, by convention UTC).

CREATE TABLE IF NOT EXISTS customers (
    customer_id        BIGINT NOT NULL,
    email              VARCHAR,      -- PII
    phone              VARCHAR,      -- PII
    first_name         VARCHAR,      -- PII
    last_name          VARCHAR,      -- PII
    birth_date         DATE,         -- PII (age is derived from it)
    gender             VARCHAR,      -- female | male | other | unknown
    country            VARCHAR,      -- ISO 3166-1 alpha-2
    city               VARCHAR,
    signup_at          TIMESTAMP NOT NULL,
    signup_channel     VARCHAR,      -- web | app | store | referral
    acquisition_source VARCHAR,      -- organic | paid_search | paid_social | affiliate | email | referral
    email_consent      BOOLEAN,
    sms_consent        BOOLEAN,
    push_consent       BOOLEAN,
    loyalty_tier       VARCHAR       -- none | silver | gold | platinum
);

CREATE TABLE IF NOT EXISTS orders (
    order_id        BIGINT NOT NULL,
    customer_id     BIGINT NOT NULL,
    ordered_at      TIMESTAMP NOT NULL,
    channel         VARCHAR,         -- web | app | store
    status          VARCHAR,         -- completed | returned | cancelled
    gross_amount    DOUBLE,          -- before discount, EUR
    discount_amount DOUBLE,          -- EUR, 0 when no discount
    net_amount      DOUBLE,          -- gross - discount, EUR
    item_count      INTEGER,
    coupon_code     VARCHAR          -- null when no coupon
);

-- customer_id and ordered_at are copied from the order so per-customer aggregates never join.
CREATE TABLE IF NOT EXISTS order_items (
    order_id     BIGINT NOT NULL,
    line_no      INTEGER NOT NULL,
    customer_id  BIGINT NOT NULL,
    ordered_at   TIMESTAMP NOT NULL,
    product_id   VARCHAR,
    category     VARCHAR,            -- apparel | shoes | beauty | electronics | home | sports | toys | grocery | books | jewelry
    brand_tier   VARCHAR,            -- value | standard | premium
    unit_price   DOUBLE,             -- EUR, list price
    quantity     INTEGER,
    discount_pct DOUBLE              -- 0..1
);

CREATE TABLE IF NOT EXISTS web_events (
    event_id    BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    event_type  VARCHAR NOT NULL,    -- session_start | page_view | product_view | search | add_to_cart | checkout_start
    platform    VARCHAR,             -- web | ios | android
    category    VARCHAR,             -- product category for product_view / add_to_cart, else null
    product_id  VARCHAR,
    search_term VARCHAR,
    session_id  BIGINT
);

CREATE TABLE IF NOT EXISTS email_messages (
    message_id      BIGINT NOT NULL,
    customer_id     BIGINT NOT NULL,
    campaign_id     VARCHAR,
    campaign_type   VARCHAR,         -- newsletter | promotion | winback | transactional
    sent_at         TIMESTAMP NOT NULL,
    opened_at       TIMESTAMP,       -- first open, null if never opened
    clicked_at      TIMESTAMP,       -- first click, null if never clicked
    unsubscribed_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS sms_messages (
    message_id    BIGINT NOT NULL,
    customer_id   BIGINT NOT NULL,
    campaign_id   VARCHAR,
    campaign_type VARCHAR,           -- promotion | winback | transactional
    sent_at       TIMESTAMP NOT NULL,
    clicked_at    TIMESTAMP,
    opted_out_at  TIMESTAMP
);

CREATE TABLE IF NOT EXISTS support_tickets (
    ticket_id    BIGINT NOT NULL,
    customer_id  BIGINT NOT NULL,
    opened_at    TIMESTAMP NOT NULL,
    resolved_at  TIMESTAMP,
    topic        VARCHAR,            -- delivery | return | payment | product | account
    channel      VARCHAR,            -- email | chat | phone
    satisfaction INTEGER             -- 1..5, null when not rated
);

-- Ground truth of the behaviour the generator planted. Never in the catalog: only tests and evaluation read it.
CREATE TABLE IF NOT EXISTS planted_personas (
    customer_id BIGINT NOT NULL,
    persona     VARCHAR NOT NULL,    -- seasonal_buyer | weekend_shopper | discount_only | premium_loyalist |
                                     -- window_shopper | one_time_buyer | declining_engagement | regular
    churned     BOOLEAN NOT NULL,    -- stopped buying before as_of (declining_engagement customers, some others)
    churned_at  TIMESTAMP            -- when the customer stopped; null when not churned
);

-- Key/value facts about the data: as_of (ISO instant), seed, customers, generated_at, source (demo|import).
CREATE TABLE IF NOT EXISTS warehouse_meta (
    key   VARCHAR NOT NULL,
    value VARCHAR
);

-- Written by the features package (Tribuo). One row per (model, customer) for the active model version.
CREATE TABLE IF NOT EXISTS model_scores (
    model         VARCHAR NOT NULL,  -- churn | purchase_propensity | rfm
    customer_id   BIGINT NOT NULL,
    score         DOUBLE,            -- probability in [0,1]; for rfm the combined RFM score
    tier          VARCHAR,           -- e.g. high | medium | low, or the RFM segment name
    model_version VARCHAR
);

CREATE TABLE IF NOT EXISTS cluster_assignments (
    model         VARCHAR NOT NULL,  -- behaviour
    customer_id   BIGINT NOT NULL,
    cluster_id    INTEGER NOT NULL,
    cluster_name  VARCHAR,
    model_version VARCHAR
);
