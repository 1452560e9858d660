package dev.paygate.routes.networkdesk;

import dev.paygate.routes.network.LinkView;
import dev.paygate.routes.network.ManagementResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One back unit's answer to a {@link NetworkCommand}: each of its links, and what the command did there. Times are
 * UTC to the second, as operators read them.
 *
 * @param action null for {@link NetworkCommand.Action#STATUS}
 */
public record BackReport(String back, Instant answeredAt, List<LinkReport> networks, Result action) {

    public BackReport {
        answeredAt = seconds(answeredAt);
        networks = List.copyOf(networks);
    }

    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param state               {@code down}, {@code connected} (not signed on) or {@code signed_on}
     * @param failuresSinceSignOn the reconnection back-off's step
     * @param nextAttemptAt       when a down link tries again
     * @param safDepth            reversals waiting to be sent to this network (one queue shared by every back)
     */
    public record LinkReport(String network, String state, Instant stateSince, Instant signedOnAt,
                             int failuresSinceSignOn, Instant nextAttemptAt, int inFlight, int safDepth,
                             Result lastEcho, boolean signedOffByOperator, String lastOperator,
                             Result lastOperatorAction) {

        public LinkReport {
            stateSince = seconds(stateSince);
            signedOnAt = seconds(signedOnAt);
            nextAttemptAt = seconds(nextAttemptAt);
        }

        static LinkReport of(LinkView view, int safDepth) {
            LinkView.OperatorAction action = view.lastOperatorAction();
            return new LinkReport(view.network(), view.link().state().name().toLowerCase(Locale.ROOT),
                    view.link().stateSince(), view.link().signedOnAt(), view.link().failuresSinceSignOn(),
                    view.link().nextAttemptAt(), view.inFlight(), safDepth, Result.of(view.lastEcho()),
                    view.signedOffByOperator(), action == null ? null : action.operator(),
                    action == null ? null : Result.of(action.result()));
        }
    }

    /**
     * How a sign-on, sign-off or echo ended.
     *
     * @param action       {@code sign_on}, {@code sign_off}, {@code echo}
     * @param outcome      {@code approved}, {@code refused}, {@code no_answer}, {@code link_down}, or
     *                     {@code unknown_network} when this back unit has no such network
     * @param responseCode DE 39 of the 0810, null when none came
     */
    public record Result(String action, String outcome, String responseCode, Instant at) {

        public static final String UNKNOWN_NETWORK = "unknown_network";

        public Result {
            at = seconds(at);
        }

        static Result of(ManagementResult result) {
            return result == null ? null : new Result(result.action().name().toLowerCase(Locale.ROOT),
                    result.outcome().tag(), result.responseCode(), result.at());
        }
    }
}
