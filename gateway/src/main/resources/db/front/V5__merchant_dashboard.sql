-- What the merchant dashboard and the refusals of untrusted tickets need from the front's schema.

-- The merchant's own web address, registered at enrollment: where a customer holding a ticket that cannot be
-- trusted is sent (never to a URL from that ticket).
ALTER TABLE merchant ADD COLUMN shop_url text CHECK (shop_url ~ '^https?://' AND length(shop_url) <= 2000);

-- A ticket whose signature cannot be checked names its key only: the kid finds the merchant to tell.
CREATE INDEX merchant_key_by_kid ON merchant_key (kid);

-- Two more events: a refused ticket the merchant should know about, and a test event sent from the dashboard.
ALTER TABLE webhook_event DROP CONSTRAINT webhook_event_type_check;
ALTER TABLE webhook_event ADD CONSTRAINT webhook_event_type_check
    CHECK (type IN ('payment.approved', 'payment.refused', 'payment.refunded', 'merchant.swept', 'ticket.refused',
                    'webhook.test'));

-- A payment's events are shown with the payment: the ticket id is kept beside the body it is part of.
ALTER TABLE webhook_event ADD COLUMN ticket_id text CHECK (length(ticket_id) <= 200);
UPDATE webhook_event SET ticket_id = body::jsonb ->> 'ticketId' WHERE type LIKE 'payment.%';
CREATE INDEX webhook_event_by_ticket ON webhook_event (merchant_id, ticket_id) WHERE ticket_id IS NOT NULL;
-- The hourly cap on ticket.refused events counts a merchant's recent events of one type.
CREATE INDEX webhook_event_by_type ON webhook_event (merchant_id, type, created_at);

-- Every delivery attempt, not only the last one: the merchant sees when each was made and what it answered.
CREATE TABLE webhook_attempt (
    event_id     uuid        NOT NULL REFERENCES webhook_event,
    attempt      integer     NOT NULL CHECK (attempt >= 1),
    attempted_at timestamptz NOT NULL,
    http_status  integer,
    error        text        CHECK (length(error) <= 200),
    PRIMARY KEY (event_id, attempt)
);
