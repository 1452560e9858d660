-- A reversal repeats the processing code (DE 3) of what it reverses: a purchase ("00") or a refund ("20").
alter table saf.reversal add column transaction_type char(2) not null default '00'
    check (transaction_type in ('00', '20'));
