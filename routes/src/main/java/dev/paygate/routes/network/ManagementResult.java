package dev.paygate.routes.network;

import dev.paygate.iso8583.message.NetworkManagementCode;
import java.time.Instant;
import java.util.Locale;

/**
 * How one 0800 exchange (sign-on, sign-off, echo) ended.
 *
 * @param responseCode DE 39 of the 0810, null when none came
 */
public record ManagementResult(NetworkManagementCode action, Outcome outcome, String responseCode, Instant at) {

    public enum Outcome {
        /** 0810 with an approving DE 39. */
        APPROVED,
        /** 0810 with any other DE 39 (or one that could not be read). */
        REFUSED,
        /** Sent, and no 0810 came: timeout, or the link went down meanwhile. */
        NO_ANSWER,
        /** Not sent: the link is down. */
        LINK_DOWN;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }

    /** E.g. "sign_on approved (00)", "echo no_answer". */
    public String describe() {
        return action.name().toLowerCase(Locale.ROOT) + " " + outcome.tag() + (responseCode == null ? "" : " (" + responseCode + ")");
    }
}
