-- A late answer: the card network's answer to a request that had already timed out and been reversed. It never
-- moves money and its reversal stands; it is kept on the entry as the network sent it (MTI, DE 39, DE 38 and
-- when it came) for operators and disputes. Only the first one is kept.
alter table ledger.register_entry
    add column late_outcome_mti           char(4) check (late_outcome_mti ~ '^0[0-9]{3}$'),
    add column late_outcome_response_code text    check (late_outcome_response_code ~ '^[A-Za-z0-9]{2}$'),
    add column late_outcome_approval_code text    check (late_outcome_approval_code ~ '^[A-Za-z0-9 ]{1,6}$');

-- The free-text note written before these columns stays as it was, under a name that says so; nothing writes it.
alter table ledger.register_entry rename column late_outcome to late_outcome_note;

alter table ledger.register_entry add constraint late_outcome_is_whole
    check (late_outcome_mti is null or (late_outcome_response_code is not null and late_outcome_at is not null));

-- Operators list the latest late answers; few entries ever get one.
create index register_entry_late_answers on ledger.register_entry (late_outcome_at desc) where late_outcome_mti is not null;

-- Every ISO 8583 message exchanged for a card request, masked: the dispute trail of a register entry (requests,
-- answers, reversal advices and their repeats, late answers). Elements are kept as the masking left them: the PAN
-- as first 6 and last 4 digits, track data, PIN block, CVV and expiry as their length only, no key material.
create table ledger.message_journal (
    message_id      bigint generated always as identity primary key,
    -- The register entry's ticket; null for a wallet top-up's charge, which has no register entry.
    ticket_id       text        check (length(ticket_id) between 1 and 200),
    -- The card request the message belongs to: the id its reversal is kept under (the ticket id for a payment).
    exchange_id     text        not null check (length(exchange_id) between 1 and 200),
    network         text        not null check (length(network) between 1 and 64),
    direction       text        not null check (direction in ('SENT', 'RECEIVED')),
    -- Received after its request had timed out: recorded, never acted upon.
    late            boolean     not null default false,
    mti             char(4)     not null check (mti ~ '^[0-9]{4}$'),
    stan            text        check (length(stan) <= 12),
    terminal_id     text        check (length(terminal_id) <= 16),
    response_code   text        check (length(response_code) <= 3),
    -- The masked elements as one JSON object, {"2":"400000******0002","4":"000000015000",...}: kept as text, so
    -- every value stands between quotes (in arrays, a length header could run on from a value's digits and read
    -- like a card number to a sweep of the data files).
    elements        json        not null check (json_typeof(elements) = 'object'),
    exchanged_at    timestamptz not null,
    recorded_at     timestamptz not null default now(),
    -- Behind the masking, the database refuses what looks like a card number: a run of 13 to 19 digits.
    constraint elements_masked check (elements::text !~ '(^|[^0-9])[0-9]{13,19}([^0-9]|$)')
);

create index message_journal_by_ticket on ledger.message_journal (ticket_id, exchanged_at) where ticket_id is not null;
create index message_journal_by_exchange on ledger.message_journal (exchange_id, exchanged_at);

-- A dispute trail is evidence: rows are never changed or removed.
create trigger message_journal_append_only
    before update or delete on ledger.message_journal
    for each row execute function ledger.refuse_change_of_history();
