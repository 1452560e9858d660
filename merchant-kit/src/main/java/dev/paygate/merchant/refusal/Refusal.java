package dev.paygate.merchant.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.ClaimsReader;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.ticket.Ticket;

/**
 * A signed "no" from the payment server (typ {@code paygate-refusal+jwt}): which ticket, why (a stable
 * {@link RefusalReason} code), and a message a person can read. See docs/formats.md.
 *
 * @param ticketId the ticket's jti (claim {@code tid})
 * @param merchantId claim {@code mid}
 * @param orderId claim {@code oid}
 * @param reason claim {@code reason}
 * @param message claim {@code message}, for people; never parse it
 * @param issuedAt claim {@code iat}, whole seconds
 * @param expiresAt claim {@code exp}, whole seconds
 */
public record Refusal(String ticketId, String merchantId, String orderId, RefusalReason reason, String message,
        Instant issuedAt, Instant expiresAt) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(60);
    public static final int MESSAGE_LENGTH_MAX = 500;

    public Refusal {
        ClaimRules.requireId(ClaimNames.TICKET_ID_REFERENCE, ticketId);
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        ClaimRules.requireId(ClaimNames.ORDER_ID, orderId);
        ClaimRules.requirePresent(ClaimNames.REASON, reason);
        ClaimRules.requireText(ClaimNames.MESSAGE, message, MESSAGE_LENGTH_MAX);
        issuedAt = ClaimRules.toWholeSeconds(ClaimNames.ISSUED_AT, issuedAt);
        expiresAt = ClaimRules.toWholeSeconds(ClaimNames.EXPIRES_AT, expiresAt);
        ClaimRules.requireExpiresAfterIssued(issuedAt, expiresAt);
    }

    /** A refusal valid for {@link #DEFAULT_VALIDITY}, for a ticket known only by its ids (e.g. one that failed checks). */
    public static Refusal of(String ticketId, String merchantId, String orderId, RefusalReason reason, String message,
            Instant issuedAt) {
        return new Refusal(ticketId, merchantId, orderId, reason, message, issuedAt, issuedAt.plus(DEFAULT_VALIDITY));
    }

    public static Refusal forTicket(Ticket ticket, RefusalReason reason, String message, Instant issuedAt) {
        return of(ticket.ticketId(), ticket.merchantId(), ticket.orderId(), reason, message, issuedAt);
    }

    public JWTClaimsSet toClaims() {
        return new JWTClaimsSet.Builder()
                .claim(ClaimNames.TICKET_ID_REFERENCE, ticketId)
                .claim(ClaimNames.MERCHANT_ID, merchantId)
                .claim(ClaimNames.ORDER_ID, orderId)
                .claim(ClaimNames.REASON, reason.code())
                .claim(ClaimNames.MESSAGE, message)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    public static Refusal fromClaims(JWTClaimsSet claims) throws InvalidClaimsException {
        return ClaimsReader.read(claims, read -> new Refusal(
                read.requiredString(ClaimNames.TICKET_ID_REFERENCE),
                read.requiredString(ClaimNames.MERCHANT_ID),
                read.requiredString(ClaimNames.ORDER_ID),
                RefusalReason.of(read.requiredString(ClaimNames.REASON)),
                read.requiredString(ClaimNames.MESSAGE),
                read.requiredInstant(ClaimNames.ISSUED_AT),
                read.requiredInstant(ClaimNames.EXPIRES_AT)));
    }
}
