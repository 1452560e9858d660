-- Signed merchant notifications (webhooks): where each merchant wants them, and a persistent outbox that an
-- outcome's event is written to in the outcome's own transaction, so no approved payment goes unannounced.

-- The secret is kept in clear because the gateway must sign with it (HMAC); it never leaves this table but in
-- a signature. last_sequence numbers the merchant's events; the row lock taken to bump it orders them.
CREATE TABLE webhook_endpoint (
    merchant_id   text        PRIMARY KEY REFERENCES merchant,
    notify_url    text        NOT NULL CHECK (notify_url ~ '^https?://' AND length(notify_url) <= 2000),
    secret        text        NOT NULL CHECK (octet_length(secret) BETWEEN 16 AND 200),
    last_sequence bigint      NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
    updated_at    timestamptz NOT NULL
);

-- body is the exact JSON that is signed and sent (text, not jsonb, which would reorder it). lease_token marks
-- the delivery attempt that claimed the row until next_attempt_at; a late answer of an expired lease is ignored.
CREATE TABLE webhook_event (
    event_id         uuid        PRIMARY KEY,
    merchant_id      text        NOT NULL REFERENCES merchant,
    sequence         bigint      NOT NULL CHECK (sequence > 0),
    type             text        NOT NULL CHECK (type IN ('payment.approved', 'payment.refused', 'payment.refunded')),
    body             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    lease_token      uuid,
    last_http_status integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (merchant_id, sequence),
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_event_pending ON webhook_event (merchant_id, sequence) WHERE status = 'pending';
CREATE INDEX webhook_event_due ON webhook_event (next_attempt_at) WHERE status = 'pending';
