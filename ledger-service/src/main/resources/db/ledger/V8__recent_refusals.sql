-- Operators read the newest refusals across all merchants; most entries are approvals, so index only refusals.
create index register_entry_refused on ledger.register_entry (serial desc) where status = 'REFUSED';
