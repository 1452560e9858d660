package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.ResponseCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The status of a card account and the answer it forces. */
public enum CardStatus {

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

    public static CardStatus fromConfigName(String configName) {
        return Arrays.stream(values())
                .filter(status -> status.configName.equals(configName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown card status '" + configName + "', expected one of "
                        + Arrays.stream(values()).map(status -> status.configName).collect(Collectors.joining(", "))));
    }

    Optional<ResponseCode> refusal() {
        return Optional.ofNullable(refusal);
    }
}
