package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jpos.iso.ISOMsg;

/**
 * 0410 or 0430: the issuer's acknowledgement of a {@link ReversalRequest}. Echoes the key fields
 * and adds DE 39; "00" means the reversal is done (or there was nothing to undo).
 *
 * @param rawResponseCode DE 39 as received
 */
public record ReversalResponse(ReversalKind kind, KeyFields keyFields, String rawResponseCode) {

    public ReversalResponse {
        Objects.requireNonNull(kind, "kind");
        // The shared shape checks the components, so every message type validates them alike.
        new CardResponseFields(keyFields, rawResponseCode, Optional.empty());
    }

    public static ReversalResponse answering(ReversalRequest request, ResponseCode responseCode) {
        return new ReversalResponse(request.kind(), request.keyFields(), responseCode.code());
    }

    public ResponseCode responseCode() {
        return ResponseCode.fromCode(rawResponseCode);
    }

    public boolean isApproved() {
        return responseCode().isApproval();
    }

    public ISOMsg toIsoMsg() {
        return new CardResponseFields(keyFields, rawResponseCode, Optional.empty()).toIsoMsg(kind.responseMti());
    }

    public static ReversalResponse fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static ReversalResponse fromIsoMsg(ISOMsg message, Clock clock) {
        Mti mti = DataElements.expectMti(message, Mti.REVERSAL_RESPONSE, Mti.REVERSAL_ADVICE_RESPONSE);
        CardResponseFields fields = CardResponseFields.fromIsoMsg(message, mti, clock);
        return new ReversalResponse(ReversalKind.ofResponse(mti), fields.keyFields(), fields.rawResponseCode());
    }
}
