package dev.paygate.gateway.auth;

import java.util.Locale;

/** What a lockout alert asks operators for (docs/architecture.md step 4: "account frozen or placed under watch"). */
public enum LockPolicy {
    /** The customer stays locked until an operator unlocks them. */
    FREEZE,
    /** The lock lifts by itself after a while; the alert stays for operators to review. */
    WATCH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
