package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.packager.ConfigNamed;
import java.util.Optional;

/** The status of a card account and the answer it forces. */
public enum CardStatus implements ConfigNamed {

    ACTIVE(null),
    /** Blocked by the issuer: 62 restricted card. */
    BLOCKED(ResponseCode.RESTRICTED_CARD),
    /** Reported lost: 57 not permitted to cardholder. */
    LOST(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
    /** Expired whatever its expiry date says: 54. */
    EXPIRED(ResponseCode.EXPIRED_CARD);

    private final ResponseCode refusal;

    CardStatus(ResponseCode refusal) {
        this.refusal = refusal;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static CardStatus fromConfigName(String configName) {
        return ConfigNamed.fromConfigName(CardStatus.class, "card status", configName);
    }

    Optional<ResponseCode> refusal() {
        return Optional.ofNullable(refusal);
    }
}
