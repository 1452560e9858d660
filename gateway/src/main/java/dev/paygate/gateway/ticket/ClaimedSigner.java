package dev.paygate.gateway.ticket;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.paygate.gateway.security.CardNumbers;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.SignedToken;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a token that cannot even be decoded as a ticket (say {@code alg: none}, or a payload that is not a claims
 * object) says it comes from: the header's {@code kid} and, when the payload reads as JSON, its {@code mid},
 * {@code jti} and {@code oid}. Read without any check of shape or signature, so nothing here is trusted; it only
 * tells which merchant to warn. Ids are kept only when well-formed and free of card numbers.
 *
 * @param keyId     the claimed kid, 1 to 128 printable ASCII characters
 * @param algorithm the claimed {@code alg}, when it is a short name of letters, digits, + and -
 */
record ClaimedSigner(String keyId, Optional<String> algorithm, Optional<String> merchantId, Optional<String> ticketId,
                     Optional<String> orderId) {

    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern ALGORITHM = Pattern.compile("[A-Za-z0-9+-]{1,20}");

    static Optional<ClaimedSigner> read(String compact) {
        if (compact == null || compact.length() > SignedToken.COMPACT_LENGTH_MAX) {
            return Optional.empty();
        }
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> header = jsonObject(parts[0]);
        Optional<String> keyId = header.flatMap(fields -> text(fields.get("kid")))
                .filter(kid -> KEY_ID.matcher(kid).matches());
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> claims = jsonObject(parts[1]);
        Optional<String> algorithm = header.flatMap(fields -> text(fields.get("alg")))
                .filter(alg -> ALGORITHM.matcher(alg).matches());
        return Optional.of(new ClaimedSigner(keyId.get(), algorithm, id(claims, ClaimNames.MERCHANT_ID),
                id(claims, ClaimNames.JWT_ID), id(claims, ClaimNames.ORDER_ID)));
    }

    private static Optional<Map<String, Object>> jsonObject(String base64Url) {
        try {
            return Optional.of(JSONObjectUtils.parse(new Base64URL(base64Url).decodeToString()));
        } catch (ParseException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> id(Optional<Map<String, Object>> claims, String claim) {
        return claims.flatMap(fields -> text(fields.get(claim))).filter(ClaimedSigner::isCleanId);
    }

    /** A well-formed id with no card number in it: safe to store and to send in a webhook. */
    static boolean isCleanId(String value) {
        try {
            ClaimRules.requireId("id", value);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return !CardNumbers.containsCardNumber(value);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String string ? Optional.of(string) : Optional.empty();
    }
}
