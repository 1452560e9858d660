package dev.paygate.merchant.ticket;

import java.net.URI;
import java.util.Optional;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.ClaimsReader;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.jose.SignedToken;

/**
 * A decoded ticket whose signature is not checked yet: enough (kid, mid) to find the merchant's key,
 * and the ids a refusal needs. Nothing here is trusted.
 */
public final class UnverifiedTicket {

    private final SignedToken token;
    private final String merchantId;

    UnverifiedTicket(SignedToken token) throws InvalidClaimsException {
        this.token = token;
        this.merchantId = ClaimsReader.of(token.claims()).requiredString(ClaimNames.MERCHANT_ID);
    }

    public String keyId() {
        return token.keyId();
    }

    public String merchantId() {
        return merchantId;
    }

    /** Claim {@code oid} as sent, if it is a string. */
    public Optional<String> orderId() {
        return stringClaim(ClaimNames.ORDER_ID);
    }

    /** Claim {@code jti} as sent, if it is a string. */
    public Optional<String> ticketId() {
        return stringClaim(ClaimNames.JWT_ID);
    }

    /**
     * Claim {@code cancelUrl} as sent, if it is an absolute http(s) URL without user info. Trust it only once the
     * signature verified: then it is the merchant's own, even when other claims break a rule.
     */
    public Optional<URI> cancelUrl() {
        return stringClaim(ClaimNames.CANCEL_URL).flatMap(text -> {
            try {
                return Optional.of(ClaimRules.requireWebUrl(ClaimNames.CANCEL_URL, URI.create(text)));
            } catch (IllegalArgumentException notAWebUrl) {
                return Optional.empty();
            }
        });
    }

    boolean isSignedBy(OctetKeyPair publicKey) {
        return token.isSignedBy(publicKey);
    }

    Ticket toTicket() throws InvalidClaimsException {
        return Ticket.fromClaims(token.claims());
    }

    private Optional<String> stringClaim(String claim) {
        try {
            return ClaimsReader.of(token.claims()).optionalString(claim);
        } catch (InvalidClaimsException notAString) {
            return Optional.empty();
        }
    }
}
