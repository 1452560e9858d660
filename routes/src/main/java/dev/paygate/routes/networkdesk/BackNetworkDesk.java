package dev.paygate.routes.networkdesk;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.network.ManagementResult;
import dev.paygate.routes.network.NetworkManagement;
import dev.paygate.routes.order.JsonMessages;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A back unit's side of the network desk: carries out an operator's command on its own links and reports them. */
@Component
@BackUnit
public record BackNetworkDesk(CardNetworks networks, NetworkManagement management, ReversalQueue reversals,
                              NetworkDeskProperties properties, Clock clock) {

    private static final JsonMessages JSON = new JsonMessages();

    /** A command as JSON in, this back unit's report as JSON out. */
    public String answer(String commandJson) {
        return JSON.write(carryOut(JSON.read(commandJson, NetworkCommand.class)));
    }

    BackReport carryOut(NetworkCommand command) {
        BackReport.Result action = switch (command.action()) {
            case STATUS -> null;
            case SIGN_ON, SIGN_OFF, ECHO -> act(command);
        };
        Map<String, Integer> safDepth = reversals.pendingCountByNetwork();
        return new BackReport(properties.backName(), clock.instant(), networks.names().stream().sorted()
                .map(network -> BackReport.LinkReport.of(management.view(network), safDepth.getOrDefault(network, 0)))
                .toList(), action);
    }

    private BackReport.Result act(NetworkCommand command) {
        if (!networks.names().contains(command.network())) {
            return new BackReport.Result(command.action().name().toLowerCase(Locale.ROOT),
                    BackReport.Result.UNKNOWN_NETWORK, null, clock.instant());
        }
        ManagementResult result = switch (command.action()) {
            case SIGN_ON -> management.signOnAsOperator(command.network(), command.operator());
            case SIGN_OFF -> management.signOffAsOperator(command.network(), command.operator());
            case ECHO -> management.echoAsOperator(command.network(), command.operator());
            case STATUS -> throw new IllegalStateException("a status changes nothing");
        };
        return BackReport.Result.of(result);
    }
}
