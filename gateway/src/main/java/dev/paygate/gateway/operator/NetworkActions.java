package dev.paygate.gateway.operator;

import dev.paygate.routes.networkdesk.BackReport;
import dev.paygate.routes.networkdesk.NetworkCommand;
import dev.paygate.routes.networkdesk.NetworkDesk;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An operator's sign-on, sign-off or echo of a card network, carried out by one back unit or by every one (the back
 * units own the links), and the links as they answer. Shared by the operator API and the console's buttons.
 */
@Component
@AllInOne
class NetworkActions {

    private static final Logger log = LoggerFactory.getLogger(NetworkActions.class);
    /** Network and back unit names as configured: nothing else is passed on to the back units. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final NetworkDesk desk;

    NetworkActions(NetworkDesk desk) {
        this.desk = desk;
    }

    NetworkDesk.DeskAnswer status() {
        NetworkDesk.DeskAnswer answer = desk.status();
        if (answer.backs().isEmpty()) {
            throw noBackUnit();
        }
        return answer;
    }

    /**
     * @param action {@code sign-on}, {@code sign-off} or {@code echo}
     * @param back   one back unit's name, or null for every back unit
     */
    NetworkDesk.DeskAnswer act(String action, String network, String back, String operator) {
        NetworkCommand.Action command = switch (action) {
            case "sign-on" -> NetworkCommand.Action.SIGN_ON;
            case "sign-off" -> NetworkCommand.Action.SIGN_OFF;
            case "echo" -> NetworkCommand.Action.ECHO;
            default -> throw OperatorRefusal.invalid("action is sign-on, sign-off or echo");
        };
        if (!NAME.matcher(network).matches() || (back != null && !NAME.matcher(back).matches())) {
            throw OperatorRefusal.invalid("network and back unit names are 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        log.info("Operator {} asks for {} of card network {} on {}", operator, action, network,
                back == null ? "every back unit" : "back unit " + back);
        NetworkDesk.DeskAnswer answer = desk.act(command, network, back, operator);
        if (answer.backs().isEmpty()) {
            throw noBackUnit();
        }
        if (answer.backs().stream().allMatch(report -> report.action() != null
                && BackReport.Result.UNKNOWN_NETWORK.equals(report.action().outcome()))) {
            throw OperatorRefusal.notFound("network_not_found", "No back unit has a card network named " + network + ".");
        }
        return answer;
    }

    private static OperatorRefusal noBackUnit() {
        return OperatorRefusal.unavailable("backs_unavailable",
                "No back unit answered in time; the card network links cannot be seen or changed now.");
    }
}
