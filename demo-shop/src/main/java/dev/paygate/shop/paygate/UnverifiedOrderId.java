package dev.paygate.shop.paygate;

import java.text.ParseException;
import java.util.Optional;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.MalformedTokenException;
import dev.paygate.merchant.jose.SignedToken;
import dev.paygate.merchant.jose.TokenType;

/**
 * The {@code oid} claim of a voucher or refusal before it is verified. The return and cancel URLs are the
 * same for every order, so this is how the shop finds the ticket to verify against; nothing else is read
 * from the token until the verifier has checked it, and the verifier checks that the oid matches the ticket.
 */
final class UnverifiedOrderId {

    private UnverifiedOrderId() {
    }

    static Optional<String> read(String compact, TokenType type) {
        try {
            return Optional.ofNullable(SignedToken.parse(compact, type).claims().getStringClaim(ClaimNames.ORDER_ID));
        } catch (MalformedTokenException | ParseException unreadable) {
            return Optional.empty();
        }
    }
}
