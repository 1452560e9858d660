-- A wallet top-up follows an approved card financial request (0200): the approval code and RRN
-- are kept beside the transfer so that a top-up can be traced to its card transaction.

create table ledger.top_up (
    top_up_id   bigint generated always as identity primary key,
    customer_id text        not null references ledger.customer,
    transfer_id bigint      not null unique references ledger.transfer,
    auth_code   text check (auth_code ~ '^[A-Za-z0-9 ]{1,6}$'),
    rrn         text check (rrn ~ '^[A-Za-z0-9 ]{1,12}$'),
    created_at  timestamptz not null default now()
);

create trigger top_up_append_only
    before update or delete on ledger.top_up
    for each row execute function ledger.refuse_change_of_history();
