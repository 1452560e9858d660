-- The daily sweep empties every till with a positive balance into the bank-settlement account and
-- pays each merchant by one credit transfer in a pain.001 file. One payment per merchant per
-- business day, enforced here, so a sweep run twice pays nobody twice.

create table ledger.sweep_run (
    business_day date        primary key,
    message_id   text        not null unique check (length(message_id) between 1 and 35),
    created_at   timestamptz not null default now(),
    completed_at timestamptz
);

create table ledger.sweep_payment (
    sweep_payment_id bigint generated always as identity primary key,
    business_day     date        not null references ledger.sweep_run,
    merchant_id      text        not null references ledger.merchant,
    amount_minor     bigint      not null check (amount_minor > 0),
    currency         text        not null check (currency ~ '^[A-Z]{3}$'),
    -- The creditor as it was when swept, so the file can be written again identically later.
    creditor_name    text        not null,
    creditor_iban    text        not null,
    creditor_bic     text        not null,
    transfer_id      bigint      not null unique references ledger.transfer,
    created_at       timestamptz not null default now(),
    constraint sweep_pays_merchant_once_per_day unique (business_day, merchant_id)
);

create trigger sweep_payment_append_only
    before update or delete on ledger.sweep_payment
    for each row execute function ledger.refuse_change_of_history();
