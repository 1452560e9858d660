-- The transaction register (the patent's register 45): one row per ticket, approved or refused,
-- with the ticket data needed to trace a dispute. The ticket id is unique, so a ticket settles at
-- most once however often it is delivered.

create table ledger.register_entry (
    serial           bigint generated always as identity primary key,
    ticket_id        text        not null unique check (length(ticket_id) between 1 and 200),
    path             text        not null check (path in ('wallet', 'card', 'auth-only')),
    status           text        not null check (status in ('APPROVED', 'REFUSED', 'PENDING', 'REVERSED')),
    reason           text,
    merchant_id      text        not null,
    customer_id      text        not null,
    order_id         text        not null,
    amount_minor     bigint      not null check (amount_minor >= 0),
    vat_minor        bigint      not null check (vat_minor >= 0),
    currency         text        not null check (currency ~ '^[A-Z]{3}$'),
    merchant_serial  text,
    network          text,
    -- DE 38 approval code (an 6), DE 37 retrieval reference number (an 12), DE 11 STAN (n 6).
    auth_code        text check (auth_code ~ '^[A-Za-z0-9 ]{1,6}$'),
    rrn              text check (rrn ~ '^[A-Za-z0-9 ]{1,12}$'),
    stan             text check (stan ~ '^[0-9]{6}$'),
    refunded_minor   bigint      not null default 0,
    late_outcome     text,
    late_outcome_at  timestamptz,
    authenticated_at timestamptz not null,
    registered_at    timestamptz not null default now(),
    completed_at     timestamptz,
    constraint vat_within_amount check (vat_minor <= amount_minor),
    constraint refusal_has_reason check ((status = 'REFUSED') = (reason is not null)),
    constraint auth_only_moves_no_money check (path <> 'auth-only' or amount_minor = 0),
    constraint pending_and_reversed_only_on_card_path check (status not in ('PENDING', 'REVERSED') or path = 'card'),
    constraint refunds_within_paid_amount check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    constraint refunds_only_of_approved check (refunded_minor = 0 or status = 'APPROVED')
);

-- Entries change status (PENDING to APPROVED, say) but are never removed: disputes need them.
create trigger register_entry_kept
    before delete on ledger.register_entry
    for each row execute function ledger.refuse_change_of_history();

create index register_entry_by_customer on ledger.register_entry (customer_id, serial);
create index register_entry_by_merchant on ledger.register_entry (merchant_id, serial);

create table ledger.register_item (
    serial       bigint not null references ledger.register_entry,
    line_no      int    not null check (line_no >= 1),
    ref          text,
    label        text,
    quantity     int    not null check (quantity >= 1),
    amount_minor bigint not null check (amount_minor >= 0),
    primary key (serial, line_no)
);

alter table ledger.transfer
    add constraint transfer_register_entry foreign key (register_serial) references ledger.register_entry;

create index transfer_by_register_serial on ledger.transfer (register_serial) where register_serial is not null;

-- A refund moves money from the merchant's till back to the customer's wallet. The running total
-- on the register entry is raised by a trigger, and refunds_within_paid_amount then refuses any
-- refund that would return more than was paid.
create table ledger.refund (
    refund_id       bigint generated always as identity primary key,
    serial          bigint      not null references ledger.register_entry,
    idempotency_key text        not null unique check (length(idempotency_key) between 1 and 200),
    amount_minor    bigint      not null check (amount_minor > 0),
    transfer_id     bigint      not null unique references ledger.transfer,
    created_at      timestamptz not null default now()
);

create function ledger.apply_refund() returns trigger
    language plpgsql as
$$
declare
    moved_minor bigint;
    moved_kind  text;
    moved_serial bigint;
begin
    select amount_minor, kind, register_serial into moved_minor, moved_kind, moved_serial
      from ledger.transfer where transfer_id = new.transfer_id;
    if moved_kind is distinct from 'REFUND' or moved_minor is distinct from new.amount_minor
        or moved_serial is distinct from new.serial then
        raise exception 'refund % of % for serial % does not match transfer % (% of % for serial %)',
            new.idempotency_key, new.amount_minor, new.serial, new.transfer_id, moved_kind, moved_minor, moved_serial
            using errcode = 'check_violation', constraint = 'refund_matches_transfer';
    end if;
    update ledger.register_entry set refunded_minor = refunded_minor + new.amount_minor
     where serial = new.serial;
    return new;
end
$$;

create trigger refund_raises_refunded_total
    before insert on ledger.refund
    for each row execute function ledger.apply_refund();

create trigger refund_append_only
    before update or delete on ledger.refund
    for each row execute function ledger.refuse_change_of_history();

create function ledger.refuse_direct_refund_total_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'refunded total of register serial % changes only through a refund', old.serial
        using errcode = 'integrity_constraint_violation', constraint = 'refunded_total_by_refund_only';
end
$$;

create trigger refunded_total_by_refund_only
    before update of refunded_minor on ledger.register_entry
    for each row when (pg_trigger_depth() = 0)
    execute function ledger.refuse_direct_refund_total_change();
