-- The back unit's daily sweep is announced too. Its events arrive over the broker and may arrive twice
-- (redelivery): dedupe_key makes the second one record nothing.
ALTER TABLE webhook_event DROP CONSTRAINT webhook_event_type_check;
ALTER TABLE webhook_event ADD CONSTRAINT webhook_event_type_check
    CHECK (type IN ('payment.approved', 'payment.refused', 'payment.refunded', 'merchant.swept'));
ALTER TABLE webhook_event ADD COLUMN dedupe_key text UNIQUE CHECK (length(dedupe_key) <= 200);
