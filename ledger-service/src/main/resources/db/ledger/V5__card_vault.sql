-- The card vault. PAN and expiry are stored only as AES-GCM ciphertext; key_id names the key that
-- sealed the row so that keys can rotate. The masked PAN (first 6, last 4) is all that may be shown.

create table ledger.vaulted_card (
    token       text        primary key check (token ~ '^tok_[A-Za-z0-9_-]{20,60}$'),
    customer_id text        not null references ledger.customer,
    key_id      text        not null check (length(key_id) between 1 and 64),
    nonce       bytea       not null check (length(nonce) = 12),
    ciphertext  bytea       not null,
    masked_pan  text        not null check (masked_pan ~ '^[0-9]{6}[*]{2,9}[0-9]{4}$'),
    active      boolean     not null default true,
    enrolled_at timestamptz not null default now(),
    retired_at  timestamptz,
    constraint retired_cards_have_a_date check (active = (retired_at is null))
);

create unique index vaulted_card_one_active_per_customer on ledger.vaulted_card (customer_id) where active;
create index vaulted_card_by_key on ledger.vaulted_card (key_id);
