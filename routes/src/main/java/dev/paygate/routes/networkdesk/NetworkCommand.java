package dev.paygate.routes.networkdesk;

import java.util.Objects;

/**
 * An operator's command to the back units' card network links.
 *
 * @param id       correlates the answers
 * @param network  the network acted on; null for {@link Action#STATUS}
 * @param back     the one back unit that acts, or null for every one
 * @param operator who asked, for the back unit's log; null for {@link Action#STATUS}
 */
public record NetworkCommand(String id, Action action, String network, String back, String operator) {

    public enum Action {
        /** Report the links; change nothing. */
        STATUS,
        /** 0800 with DE 70 = 001; lifts an operator's sign-off. */
        SIGN_ON,
        /** 0800 with DE 70 = 002; payments stop on the link until an operator signs on. */
        SIGN_OFF,
        /** 0800 with DE 70 = 301. */
        ECHO
    }

    public NetworkCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        if (action != Action.STATUS && (network == null || operator == null)) {
            throw new IllegalArgumentException(action + " needs a network and an operator");
        }
    }
}
