package dev.paygate.gateway.ticket;

import dev.paygate.merchant.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bounds a genuine ticket's times: issued no later than now plus the clock skew, and valid for at most the
 * configured maximum, so a leaked ticket cannot be kept for a year.
 */
record TicketTimeRule(Clock clock, Duration clockSkew, Duration validityMax) {

    /** Why the ticket's times are not acceptable, or empty when they are. */
    Optional<String> violation(Ticket ticket) {
        Instant latestIssue = clock.instant().plus(clockSkew);
        if (ticket.issuedAt().isAfter(latestIssue)) {
            return Optional.of("iat " + ticket.issuedAt() + " is in the future beyond the clock skew of "
                    + clockSkew.toSeconds() + " s");
        }
        Duration validity = Duration.between(ticket.issuedAt(), ticket.expiresAt());
        if (validity.compareTo(validityMax) > 0) {
            return Optional.of("exp - iat is " + validity.toSeconds() + " s, more than the maximum of "
                    + validityMax.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
