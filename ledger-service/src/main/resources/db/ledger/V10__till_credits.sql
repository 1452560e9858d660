-- Payments into one till all updated that till's one row, so they committed one after another behind its row
-- lock, however many wallets paid. A transfer into a till now appends a till credit instead and leaves the till's
-- row alone; a fold adds a batch of credits to the till's balance later, one update per till and fold. A till's
-- balance is therefore its row's balance_minor (what is folded) plus its credits not yet folded:
-- ledger.account_balance reads both, and every balance read goes through it.

create table ledger.till_credit (
    transfer_id     bigint      primary key references ledger.transfer,
    till_account_id bigint      not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    -- Null until a fold has added the credit to the till's balance_minor; set once, never cleared.
    folded_at       timestamptz
);

create index till_credit_unfolded on ledger.till_credit (till_account_id) include (amount_minor)
    where folded_at is null;

create or replace function ledger.apply_transfer() returns trigger
    language plpgsql as
$$
declare
    debit_currency  text;
    credit_currency text;
    credit_kind     text;
begin
    -- Kind and currency never change (balance_changes_by_transfer_only): reading them needs no lock.
    select kind, currency into credit_kind, credit_currency from ledger.account where account_id = new.credit_account_id;
    if credit_kind = 'TILL' then
        -- The till is credited by its till credit (append_till_credit, once this row exists), not here.
        update ledger.account set balance_minor = balance_minor - new.amount_minor
         where account_id = new.debit_account_id returning currency into debit_currency;
    -- Both rows are updated in account_id order, so two transfers between the same accounts in
    -- opposite directions wait for each other instead of deadlocking.
    elsif new.debit_account_id < new.credit_account_id then
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

-- After the insert, so the credit's reference to its transfer finds the transfer.
create function ledger.append_till_credit() returns trigger
    language plpgsql as
$$
begin
    insert into ledger.till_credit (transfer_id, till_account_id, amount_minor)
    select new.transfer_id, new.credit_account_id, new.amount_minor
      from ledger.account where account_id = new.credit_account_id and kind = 'TILL';
    return null;
end
$$;

create trigger transfer_credits_till
    after insert on ledger.transfer
    for each row execute function ledger.append_till_credit();

-- A credit is written by its transfer and afterwards only marked folded, once; nothing else may touch it.
create function ledger.refuse_change_of_till_credit() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and old.folded_at is null and new.folded_at is not null
        and new.transfer_id = old.transfer_id and new.till_account_id = old.till_account_id
        and new.amount_minor = old.amount_minor then
        return new;
    end if;
    raise exception '% on ledger.till_credit refused: a till credit is written by its transfer and only marked folded, once',
        tg_op
        using errcode = 'integrity_constraint_violation', constraint = tg_name;
end
$$;

create trigger till_credit_written_by_transfer
    before insert on ledger.till_credit
    for each row when (pg_trigger_depth() = 0)
    execute function ledger.refuse_change_of_till_credit();

create trigger till_credit_folded_once
    before update or delete on ledger.till_credit
    for each row execute function ledger.refuse_change_of_till_credit();

create trigger till_credit_not_truncated
    before truncate on ledger.till_credit
    for each statement execute function ledger.refuse_change_of_history();

-- The fold: credits marked folded in one statement move into their tills' balance_minor in the same transaction,
-- one update per till (from inside this trigger, which balance_changes_by_transfer_only lets through).
create function ledger.apply_till_fold() returns trigger
    language plpgsql as
$$
begin
    update ledger.account a set balance_minor = a.balance_minor + f.amount_minor
      from (select till_account_id, sum(amount_minor)::bigint as amount_minor
              from folded group by till_account_id) f
     where a.account_id = f.till_account_id;
    return null;
end
$$;

create trigger till_credit_folded_into_balance
    after update on ledger.till_credit
    referencing new table as folded
    for each statement execute function ledger.apply_till_fold();

-- Every account with the balance it holds: for a till, what is folded plus its credits not yet folded.
create view ledger.account_balance as
select a.account_id, a.code, a.kind, a.owner_id, a.currency,
       a.balance_minor + coalesce(unfolded.amount_minor, 0) as balance_minor,
       a.cap_minor, a.created_at
  from ledger.account a
  left join lateral (select sum(c.amount_minor)::bigint as amount_minor from ledger.till_credit c
                      where c.till_account_id = a.account_id and c.folded_at is null) unfolded
         on a.kind = 'TILL';
