package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.APPROVAL_CODE;
import static dev.paygate.iso8583.message.DataElements.RESPONSE_CODE;

import dev.paygate.iso8583.field.Mti;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jpos.iso.ISOMsg;

/**
 * The elements shared by the card (0110, 0210) and reversal (0410, 0430) answers: the echoed key fields, DE 39 and,
 * on approval, DE 38.
 */
record CardResponseFields(KeyFields keyFields, String rawResponseCode, Optional<String> approvalCode) {

    static final int APPROVAL_CODE_LENGTH = 6;

    CardResponseFields {
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(approvalCode, "approvalCode");
        if (rawResponseCode == null || !rawResponseCode.matches("[0-9A-Za-z]{2}")) {
            throw new IllegalArgumentException("response code (DE 39) must be 2 alphanumeric characters");
        }
        approvalCode.ifPresent(code -> {
            if (!code.matches("[0-9A-Za-z ]{1,6}")) {
                throw new IllegalArgumentException("approval code (DE 38) must be 1 to 6 alphanumeric characters");
            }
        });
    }

    ISOMsg toIsoMsg(Mti mti) {
        ISOMsg message = DataElements.newMessage(mti);
        keyFields.writeTo(message);
        approvalCode.ifPresent(code -> DataElements.set(message, APPROVAL_CODE, code));
        DataElements.set(message, RESPONSE_CODE, rawResponseCode);
        return message;
    }

    static CardResponseFields fromIsoMsg(ISOMsg message, Mti expectedMti, Clock clock) {
        DataElements.expectMti(message, expectedMti);
        return DataElements.mapping(message, () -> new CardResponseFields(
                KeyFields.readFrom(message, clock),
                DataElements.responseCode(message),
                DataElements.optionalText(message, APPROVAL_CODE, APPROVAL_CODE_LENGTH)));
    }
}
