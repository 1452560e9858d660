package dev.paygate.simulator;

import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.issuer.AccountSnapshot;
import dev.paygate.simulator.issuer.CardAccounts;
import dev.paygate.simulator.issuer.Issuer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card network and issuer on ISO 8583, for tests and the embedded default: one or more
 * endpoints (each a network's wire format on a port) sharing one set of card accounts.
 *
 * <pre>{@code
 * try (BankSimulator simulator = BankSimulator.start(SimulatorConfig.load(path).withEphemeralPorts())) {
 *     int port = simulator.port("cardnet-a");
 * }
 * }</pre>
 */
public final class BankSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BankSimulator.class);

    private final Issuer issuer;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Endpoint> endpoints;

    private BankSimulator(Issuer issuer, ScheduledExecutorService scheduler, Map<String, Endpoint> endpoints) {
        this.issuer = issuer;
        this.scheduler = scheduler;
        this.endpoints = endpoints;
    }

    /** Loads the cards and starts listening on every endpoint; fails at once if a port is taken. */
    public static BankSimulator start(SimulatorConfig config) {
        CardAccounts accounts = CardAccounts.load(config.cardsFile());
        Issuer issuer = new Issuer(accounts, Clock.systemUTC());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bank-simulator-slow-answers").daemon().factory());
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        BankSimulator simulator = new BankSimulator(issuer, scheduler, endpoints);
        try {
            for (EndpointConfig endpoint : config.endpoints()) {
                endpoints.put(endpoint.name(), Endpoint.start(endpoint, config, issuer, scheduler));
            }
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        log.info("bank simulator started with {} cards on {}", accounts.size(), endpoints.keySet());
        return simulator;
    }

    /** The port an endpoint listens on: the configured one, or the ephemeral one it got. */
    public int port(String endpointName) {
        Endpoint endpoint = endpoints.get(endpointName);
        if (endpoint == null) {
            throw new IllegalArgumentException("no endpoint " + endpointName + ", have " + endpoints.keySet());
        }
        return endpoint.port();
    }

    /** The card account as it stands now, e.g. to check a hold or a reversal. */
    public Optional<AccountSnapshot> account(String pan) {
        return issuer.account(Pan.of(pan));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        endpoints.values().forEach(Endpoint::close);
        log.info("bank simulator stopped");
    }
}
