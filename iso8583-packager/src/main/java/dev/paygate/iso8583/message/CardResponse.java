package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jpos.iso.ISOMsg;

/**
 * 0110 or 0210: the issuer's answer to a {@link CardRequest}. Echoes the key fields (2, 3, 4, 7, 11, 32,
 * 37, 41, 42, 49) and adds DE 39 and, when approved, the approval code DE 38.
 *
 * @param rawResponseCode DE 39 as received, kept even when {@link #responseCode()} does not know it
 */
public record CardResponse(Mti mti, KeyFields keyFields, String rawResponseCode, Optional<String> approvalCode) {

    public CardResponse {
        Objects.requireNonNull(mti, "mti");
        if (!mti.equals(Mti.AUTHORIZATION_RESPONSE) && !mti.equals(Mti.FINANCIAL_RESPONSE)) {
            throw new IllegalArgumentException("a card response is a 0110 or a 0210, not " + mti);
        }
        // The shared shape checks the components, so every message type validates them alike.
        new CardResponseFields(keyFields, rawResponseCode, approvalCode);
    }

    /** The answer an issuer gives to {@code request}; the approval code only goes with an approval. */
    public static CardResponse answering(CardRequest request, ResponseCode responseCode, Optional<String> approvalCode) {
        return new CardResponse(request.mti().responseMti(), request.keyFields(), responseCode.code(),
                responseCode.isApproval() ? approvalCode : Optional.empty());
    }

    public ResponseCode responseCode() {
        return ResponseCode.fromCode(rawResponseCode);
    }

    public boolean isApproved() {
        return responseCode().isApproval();
    }

    public ISOMsg toIsoMsg() {
        return new CardResponseFields(keyFields, rawResponseCode, approvalCode).toIsoMsg(mti);
    }

    public static CardResponse fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static CardResponse fromIsoMsg(ISOMsg message, Clock clock) {
        Mti mti = DataElements.expectMti(message, Mti.AUTHORIZATION_RESPONSE, Mti.FINANCIAL_RESPONSE);
        CardResponseFields fields = CardResponseFields.fromIsoMsg(message, mti, clock);
        return new CardResponse(mti, fields.keyFields(), fields.rawResponseCode(), fields.approvalCode());
    }
}
