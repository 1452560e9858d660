-- Operators look a payment up by whatever the customer, the merchant or the card network quotes: ticket id
-- (unique already), order id, customer (indexed already), STAN, RRN or approval code. Exact matches on these
-- indexes keep a search to a few probes however large the register grows. Card references exist only on the
-- card path, so their indexes hold card entries only.
create index register_entry_by_order on ledger.register_entry (order_id);
create index register_entry_by_stan on ledger.register_entry (stan) where stan is not null;
create index register_entry_by_rrn on ledger.register_entry (rrn) where rrn is not null;
create index register_entry_by_auth_code on ledger.register_entry (auth_code) where auth_code is not null;

-- A customer's history lists their wallet top-ups beside their payments.
create index top_up_by_customer on ledger.top_up (customer_id, top_up_id);
