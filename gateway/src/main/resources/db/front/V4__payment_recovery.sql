-- Recovery of undecided payments: a ticket claimed for payment (in_progress) or handed over without an answer in
-- time (pending) is asked after at the back unit, and handed over again, until it is decided. Attempts back off.
ALTER TABLE used_ticket
    ADD COLUMN recovery_attempts integer     NOT NULL DEFAULT 0 CHECK (recovery_attempts >= 0),
    ADD COLUMN next_recovery_at  timestamptz;

CREATE INDEX used_ticket_undecided ON used_ticket (created_at) WHERE outcome IN ('in_progress', 'pending');
