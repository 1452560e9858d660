-- Money lives in accounts and moves only by transfers. A transfer debits one account and credits
-- another by the same amount, so every transfer balances by construction. The triggers below apply
-- a transfer to both balances inside the inserting transaction: the check constraints on the
-- balances then hold even for a writer that bypasses the Java code.

create table ledger.account (
    account_id    bigint generated always as identity primary key,
    code          text        not null unique,
    kind          text        not null check (kind in ('WALLET', 'TILL', 'SYSTEM')),
    owner_id      text,
    currency      text        not null check (currency ~ '^[A-Z]{3}$'),
    balance_minor bigint      not null default 0,
    cap_minor     bigint,
    created_at    timestamptz not null default now(),
    constraint account_owner_matches_kind check ((kind = 'SYSTEM') = (owner_id is null)),
    constraint account_one_per_owner unique (kind, owner_id),
    constraint wallet_has_cap check ((kind = 'WALLET') = (cap_minor is not null)),
    constraint wallet_cap_not_negative check (cap_minor is null or cap_minor >= 0),
    constraint wallet_balance_not_negative check (kind <> 'WALLET' or balance_minor >= 0),
    constraint wallet_balance_within_cap check (kind <> 'WALLET' or balance_minor <= cap_minor)
) with (fillfactor = 80); -- room for HOT updates: balances change on every posting

create table ledger.transfer (
    transfer_id       bigint generated always as identity primary key,
    idempotency_key   text        not null unique check (length(idempotency_key) between 1 and 200),
    kind              text        not null check (kind in
                          ('WALLET_PAYMENT', 'CARD_PAYMENT', 'CARD_REVERSAL', 'TOP_UP', 'REFUND', 'SWEEP')),
    debit_account_id  bigint      not null references ledger.account,
    credit_account_id bigint      not null references ledger.account,
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    register_serial   bigint,
    created_at        timestamptz not null default now(),
    constraint transfer_between_two_accounts check (debit_account_id <> credit_account_id)
);

create index transfer_by_debit_account on ledger.transfer (debit_account_id);
create index transfer_by_credit_account on ledger.transfer (credit_account_id);

create function ledger.apply_transfer() returns trigger
    language plpgsql as
$$
declare
    debit_currency  text;
    credit_currency text;
begin
    -- Both rows are updated in account_id order, so two transfers between the same accounts in
    -- opposite directions (a payment and a refund) wait for each other instead of deadlocking.
    if new.debit_account_id < new.credit_account_id then
        update ledger.account set balance_minor = balance_minor - new.amount_minor
         where account_id = new.debit_account_id returning currency into debit_currency;
        update ledger.account set balance_minor = balance_minor + new.amount_minor
         where account_id = new.credit_account_id returning currency into credit_currency;
    else
        update ledger.account set balance_minor = balance_minor + new.amount_minor
         where account_id = new.credit_account_id returning currency into credit_currency;
        update ledger.account set balance_minor = balance_minor - new.amount_minor
         where account_id = new.debit_account_id returning currency into debit_currency;
    end if;
    if debit_currency is distinct from new.currency or credit_currency is distinct from new.currency then
        raise exception 'transfer % in % between accounts in % and %',
            new.idempotency_key, new.currency, debit_currency, credit_currency
            using errcode = 'check_violation', constraint = 'transfer_currency_matches_accounts';
    end if;
    return new;
end
$$;

create trigger transfer_moves_balances
    before insert on ledger.transfer
    for each row execute function ledger.apply_transfer();

create function ledger.refuse_change_of_history() returns trigger
    language plpgsql as
$$
begin
    raise exception '% on ledger.% refused: its rows are kept as written; post a compensating entry instead',
        tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation', constraint = tg_name;
end
$$;

create trigger transfer_append_only
    before update or delete on ledger.transfer
    for each row execute function ledger.refuse_change_of_history();

create trigger transfer_not_truncated
    before truncate on ledger.transfer
    for each statement execute function ledger.refuse_change_of_history();

create function ledger.refuse_direct_balance_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        if new.balance_minor <> 0 then
            raise exception 'account % must open at zero: money enters only by a transfer', new.code
                using errcode = 'check_violation', constraint = 'account_opens_at_zero';
        end if;
        return new;
    end if;
    raise exception 'balance, currency and owner of account % change only through a transfer', old.code
        using errcode = 'integrity_constraint_violation', constraint = 'balance_changes_by_transfer_only';
end
$$;

create trigger account_opens_at_zero
    before insert on ledger.account
    for each row execute function ledger.refuse_direct_balance_change();

-- pg_trigger_depth() is 0 for a statement sent by a client and 1 inside apply_transfer.
create trigger balance_changes_by_transfer_only
    before update of balance_minor, currency, kind, owner_id on ledger.account
    for each row when (pg_trigger_depth() = 0)
    execute function ledger.refuse_direct_balance_change();
