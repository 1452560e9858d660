package dev.paygate.merchant.ticket;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Gateway side: a ticket that must be refused. {@link Reason#code()} equals the matching
 * {@code RefusalReason} code, so the gateway answers with {@code RefusalReason.of(e.reason().code())}.
 */
public final class TicketRejectedException extends Exception {

    /** In the order the checks run. */
    public enum Reason {
        INVALID_TICKET,
        UNKNOWN_MERCHANT,
        BAD_SIGNATURE,
        TICKET_EXPIRED;

        /** The constant's name in lower case. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final transient UnverifiedTicket ticket;

    TicketRejectedException(Reason reason, String detail, UnverifiedTicket ticket, Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.ticket = ticket;
    }

    public Reason reason() {
        return reason;
    }

    /** The decoded ticket (kid, mid, oid, jti as sent) when it could be decoded at all; untrusted. */
    public Optional<UnverifiedTicket> ticket() {
        return Optional.ofNullable(ticket);
    }
}
