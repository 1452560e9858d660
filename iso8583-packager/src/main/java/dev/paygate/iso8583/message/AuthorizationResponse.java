package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import java.time.Clock;
import java.util.Optional;
import org.jpos.iso.ISOMsg;

/**
 * 0110: the issuer's answer to an {@link AuthorizationRequest}. Echoes the key fields (2, 3, 4, 7,
 * 11, 32, 37, 41, 42, 49) and adds DE 39 and, when approved, the approval code DE 38.
 *
 * @param rawResponseCode DE 39 as received, kept even when {@link #responseCode()} does not know it
 */
public record AuthorizationResponse(KeyFields keyFields, String rawResponseCode, Optional<String> approvalCode) {

    public AuthorizationResponse {
        // The shared shape checks the components, so every message type validates them alike.
        new CardResponseFields(keyFields, rawResponseCode, approvalCode);
    }

    /** The answer an issuer gives to {@code request}; the approval code only goes with an approval. */
    public static AuthorizationResponse answering(
            AuthorizationRequest request, ResponseCode responseCode, Optional<String> approvalCode) {
        return new AuthorizationResponse(
                request.keyFields(), responseCode.code(), responseCode.isApproval() ? approvalCode : Optional.empty());
    }

    public ResponseCode responseCode() {
        return ResponseCode.fromCode(rawResponseCode);
    }

    public boolean isApproved() {
        return responseCode().isApproval();
    }

    public ISOMsg toIsoMsg() {
        return fields().toIsoMsg(Mti.AUTHORIZATION_RESPONSE);
    }

    public static AuthorizationResponse fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static AuthorizationResponse fromIsoMsg(ISOMsg message, Clock clock) {
        CardResponseFields fields = CardResponseFields.fromIsoMsg(message, Mti.AUTHORIZATION_RESPONSE, clock);
        return new AuthorizationResponse(fields.keyFields(), fields.rawResponseCode(), fields.approvalCode());
    }

    private CardResponseFields fields() {
        return new CardResponseFields(keyFields, rawResponseCode, approvalCode);
    }
}
