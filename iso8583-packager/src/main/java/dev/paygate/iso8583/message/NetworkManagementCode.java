package dev.paygate.iso8583.message;

import java.util.Arrays;

/** Network management information code (DE 70) of an 0800/0810 exchange. */
public enum NetworkManagementCode {

    SIGN_ON("001"),
    SIGN_OFF("002"),
    ECHO("301");

    private final String code;

    NetworkManagementCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code we do not exchange */
    public static NetworkManagementCode fromCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported network management code " + code));
    }
}
