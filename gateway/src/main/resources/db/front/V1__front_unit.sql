-- The front unit's own schema (docs/architecture.md steps 1-4, 7). It holds no ledger data, no card number and no
-- server private key: merchants' public keys, customers' password hashes, alerts, the replay guard, vouchers.

CREATE TABLE merchant (
    merchant_id text        PRIMARY KEY CHECK (merchant_id ~ '^[A-Za-z0-9._~-]{1,64}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL
);

-- The front's copy of each merchant's ticket-signing public keys; `kid` is the ticket header's key id.
CREATE TABLE merchant_key (
    merchant_id text        NOT NULL REFERENCES merchant,
    kid         text        NOT NULL CHECK (length(kid) BETWEEN 1 AND 200),
    public_jwk  text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('active', 'revoked')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, kid)
);

-- Merchant API keys for /api/v1 (HTTP Basic: key id + secret). Secrets are 256-bit random strings, so a
-- SHA-256 digest is enough here; a slow password hash would only slow every API call.
CREATE TABLE merchant_api_key (
    key_id        text        PRIMARY KEY CHECK (key_id ~ '^[A-Za-z0-9._~-]{1,64}$'),
    merchant_id   text        NOT NULL REFERENCES merchant,
    secret_sha256 bytea       NOT NULL CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL,
    revoked       boolean     NOT NULL DEFAULT false
);

-- The patent's access key: an Argon2id hash in PHC string form ($argon2id$v=19$m=..,t=..,p=..$salt$hash).
CREATE TABLE customer_credential (
    customer_id     text        PRIMARY KEY CHECK (customer_id ~ '^[A-Za-z0-9._~-]{1,64}$'),
    password_hash   text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    failed_attempts integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked          boolean     NOT NULL DEFAULT false,
    locked_at       timestamptz,
    updated_at      timestamptz NOT NULL,
    CHECK (locked = (locked_at IS NOT NULL))
);

CREATE TABLE alert (
    alert_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  text        NOT NULL,
    kind         text        NOT NULL,
    policy       text        NOT NULL CHECK (policy IN ('freeze', 'watch')),
    created_at   timestamptz NOT NULL,
    acknowledged boolean     NOT NULL DEFAULT false
);
CREATE INDEX alert_recent ON alert (created_at DESC);

-- Every voucher ever issued, exactly as signed, so that a copy verifies like the original.
CREATE TABLE voucher (
    vid        text        PRIMARY KEY,
    tid        text        NOT NULL UNIQUE,
    mid        text        NOT NULL,
    cid        text        NOT NULL,
    oid        text        NOT NULL,
    compact    text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX voucher_by_customer ON voucher (cid, created_at DESC);
CREATE INDEX voucher_by_merchant ON voucher (mid, created_at DESC);

-- The replay guard: a ticket settles at most once. A confirm inserts its row before it hands the order over;
-- the primary key lets only one of two concurrent confirms win. The ticket is kept so that a pending outcome
-- can be finished later from GET /pay/status/{tid}.
CREATE TABLE used_ticket (
    jti         text        PRIMARY KEY,
    merchant_id text        NOT NULL,
    customer_id text,
    ticket      text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('in_progress', 'pending', 'approved', 'refused', 'cancelled')),
    voucher_id  text        REFERENCES voucher,
    refusal     text,
    created_at  timestamptz NOT NULL,
    decided_at  timestamptz,
    CHECK ((outcome = 'approved') = (voucher_id IS NOT NULL)),
    CHECK ((outcome IN ('refused', 'cancelled')) = (refusal IS NOT NULL))
);
