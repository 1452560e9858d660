package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.packager.ConfigNamed;
import java.util.Optional;

/** The status of a card account and the answer it forces. */
public enum CardStatus implements ConfigNamed {

    ACTIVE("active", null),
    /** Blocked by the issuer: 62 restricted card. */
    BLOCKED("blocked", ResponseCode.RESTRICTED_CARD),
    /** Reported lost: 57 not permitted to cardholder. */
    LOST("lost", ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
    /** Expired whatever its expiry date says: 54. */
    EXPIRED("expired", ResponseCode.EXPIRED_CARD);

    private final String configName;
    private final ResponseCode refusal;

    CardStatus(String configName, ResponseCode refusal) {
        this.configName = configName;
        this.refusal = refusal;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static CardStatus fromConfigName(String configName) {
        return ConfigNamed.fromConfigName(CardStatus.class, "card status", configName);
    }

    @Override
    public String configName() {
        return configName;
    }

    Optional<ResponseCode> refusal() {
        return Optional.ofNullable(refusal);
    }
}
