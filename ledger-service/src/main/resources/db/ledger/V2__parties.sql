-- Customers and merchants as the back unit knows them. Passwords and lockout counters stay in the
-- front unit's own schema: nothing here helps anyone log in.

create table ledger.customer (
    customer_id       text        primary key check (customer_id ~ '^[A-Za-z0-9._~-]{1,64}$'),
    display_name      text        not null check (length(display_name) between 1 and 140),
    wallet_account_id bigint      not null unique references ledger.account,
    blocked           boolean     not null default false,
    created_at        timestamptz not null default now()
);

create table ledger.merchant (
    merchant_id            text        primary key check (merchant_id ~ '^[A-Za-z0-9._~-]{1,64}$'),
    name                   text        not null check (length(name) between 1 and 140),
    mcc                    text        not null check (mcc ~ '^[0-9]{4}$'),
    iban                   text        not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
    bic                    text        not null check (bic ~ '^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    -- DE 41 card acceptor terminal id (ans 8) and DE 42 card acceptor id code (ans 15).
    terminal_id            text        not null check (length(terminal_id) = 8),
    acceptor_id            text        not null check (length(acceptor_id) = 15),
    -- DE 43 card acceptor name/location (ans 40).
    acceptor_name_location text        not null check (length(acceptor_name_location) between 1 and 40),
    till_account_id        bigint      not null unique references ledger.account,
    created_at             timestamptz not null default now(),
    constraint merchant_terminal_unique unique (acceptor_id, terminal_id)
);
