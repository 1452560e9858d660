-- Store-and-forward queue of reversals (0400/0420) for card requests that got no answer in time.
-- It survives restarts; an entry is retried until the network acknowledges it. No PAN is stored:
-- the card is found again in the vault by customer and checked against the token it had.

create table saf.reversal (
    id                      bigint generated always as identity primary key,
    ticket_id               text        not null unique,
    network                 text        not null,
    customer_id             text        not null,
    card_token              text        not null,
    original_mti            char(4)     not null check (original_mti in ('0100', '0200')),
    amount_minor            bigint      not null check (amount_minor > 0),
    currency                char(3)     not null,
    original_stan           int         not null check (original_stan between 1 and 999999),
    original_transmitted_at timestamptz not null,
    acquirer_id             text        not null,
    rrn                     char(12)    not null,
    terminal_id             text        not null,
    acceptor_id             text        not null,
    acceptor_name_location  text        not null,
    mcc                     char(4)     not null,
    reversal_stan           int         not null check (reversal_stan between 1 and 999999),
    reversal_transmitted_at timestamptz not null,
    status                  text        not null default 'PENDING'
                                        check (status in ('PENDING', 'ACKNOWLEDGED', 'ABANDONED')),
    attempts                int         not null default 0 check (attempts >= 0),
    next_attempt_at         timestamptz not null,
    last_error              text,
    created_at              timestamptz not null default now(),
    acknowledged_at         timestamptz,
    check ((status = 'ACKNOWLEDGED') = (acknowledged_at is not null))
);

create index reversal_due on saf.reversal (next_attempt_at) where status = 'PENDING';
