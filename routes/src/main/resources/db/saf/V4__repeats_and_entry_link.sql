-- A reversal advice goes out as 0420 the first time and as 0421 (repeat) every time after, with the same STAN
-- and data: the count of transmissions, raised just before each one leaves, says which. Raised before the send,
-- so a back unit that dies in flight leaves the next one a repeat.
alter table saf.reversal add column transmissions int not null default 0 check (transmissions >= 0);

-- The register entry the reversed request belongs to (the payment's ticket, also for its refunds); null for a
-- wallet top-up's charge, which has none. The message journal files each reversal message under it.
alter table saf.reversal add column register_ticket_id text;

-- A late answer is matched to its request by network, terminal (DE 41) and STAN (DE 11); a late answer to a
-- reversal by the reversal's own STAN.
create index reversal_by_original_trace on saf.reversal (network, terminal_id, original_stan);
create index reversal_by_reversal_trace on saf.reversal (network, terminal_id, reversal_stan);
