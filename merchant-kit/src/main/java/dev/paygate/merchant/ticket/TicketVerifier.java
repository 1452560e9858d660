package dev.paygate.merchant.ticket;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.jose.MalformedTokenException;
import dev.paygate.merchant.jose.SignedToken;
import dev.paygate.merchant.jose.TokenType;

/**
 * Gateway side: checks a ticket in the order of docs/architecture.md step 3: decode, merchant known and signature
 * valid, claims valid, not expired. Whether the ticket was already used is the gateway's own check.
 * Thread-safe.
 */
public final class TicketVerifier {

    private final MerchantKeyLookup merchantKeys;
    private final ExpiryCheck expiry;

    public TicketVerifier(MerchantKeyLookup merchantKeys) {
        this(merchantKeys, Clock.systemUTC(), ExpiryCheck.DEFAULT_CLOCK_SKEW);
    }

    public TicketVerifier(MerchantKeyLookup merchantKeys, Clock clock, Duration clockSkew) {
        this.merchantKeys = Objects.requireNonNull(merchantKeys, "merchantKeys");
        this.expiry = new ExpiryCheck(clock, clockSkew);
    }

    /** Decodes without verifying, so the caller can see kid and mid first. */
    public static UnverifiedTicket parse(String compactTicket) throws TicketRejectedException {
        try {
            return new UnverifiedTicket(SignedToken.parse(compactTicket, TokenType.TICKET));
        } catch (MalformedTokenException | InvalidClaimsException undecodable) {
            throw new TicketRejectedException(TicketRejectedException.Reason.INVALID_TICKET,
                    undecodable.getMessage(), null, undecodable);
        }
    }

    /** Decodes, looks up the merchant's key by (mid, kid) and verifies. */
    public Ticket verify(String compactTicket) throws TicketRejectedException {
        UnverifiedTicket ticket = parse(compactTicket);
        OctetKeyPair key = merchantKeys.publicKey(ticket.merchantId(), ticket.keyId())
                .orElseThrow(() -> new TicketRejectedException(TicketRejectedException.Reason.UNKNOWN_MERCHANT,
                        "no registered key " + ticket.keyId() + " for merchant " + ticket.merchantId(), ticket, null));
        return verify(ticket, key);
    }

    /** Verifies with a key the caller looked up itself from {@link UnverifiedTicket#merchantId()} and kid. */
    public Ticket verify(UnverifiedTicket ticket, OctetKeyPair merchantPublicKey) throws TicketRejectedException {
        if (!ticket.isSignedBy(merchantPublicKey)) {
            throw new TicketRejectedException(TicketRejectedException.Reason.BAD_SIGNATURE,
                    "signature does not verify with merchant " + ticket.merchantId() + " key " + ticket.keyId(),
                    ticket, null);
        }
        Ticket verified;
        try {
            verified = ticket.toTicket();
        } catch (InvalidClaimsException invalid) {
            throw new TicketRejectedException(TicketRejectedException.Reason.INVALID_TICKET, invalid.getMessage(),
                    ticket, invalid);
        }
        if (expiry.hasExpired(verified.expiresAt())) {
            throw new TicketRejectedException(TicketRejectedException.Reason.TICKET_EXPIRED,
                    expiry.describeExpiry(verified.expiresAt()), ticket, null);
        }
        return verified;
    }
}
