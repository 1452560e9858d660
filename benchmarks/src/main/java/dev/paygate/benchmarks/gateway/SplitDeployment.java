package dev.paygate.benchmarks.gateway;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.benchmarks.infra.BenchBroker;
import dev.paygate.benchmarks.infra.BenchPostgres;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paygate's units as separate processes on the bench's database, broker and bank simulator, as
 * docs/deployment.md runs them: profiles {@code external,back} and {@code external,front}, and one all-in-one
 * {@code external} start that seeds the bench's merchant and customers. Every front signs with the same server
 * key, given to each in its environment (no key file on disk), so a voucher from either verifies against one JWKS.
 */
public final class SplitDeployment {

    private static final String SERVER_KEY_ID = "bench-server-key";

    private final Path jar;
    private final Path repository;
    private final Path work;
    private final Path configDirectory;
    private final Map<String, String> environment;

    /**
     * @param jar             the extracted gateway jar
     * @param configDirectory the configuration the units read (the bench's copy of {@code config/})
     * @param simulatorPorts  the bank simulator's port per network
     */
    public SplitDeployment(Path jar, Path repository, Path work, Path configDirectory, BenchPostgres postgres,
                           String database, BenchBroker broker, Map<String, Integer> simulatorPorts, String vaultKey) {
        this.jar = jar;
        this.repository = repository;
        this.work = work;
        this.configDirectory = configDirectory;
        OctetKeyPair serverKey = Ed25519Keys.generate(SERVER_KEY_ID);
        Map<String, String> variables = new HashMap<>();
        variables.put("PAYGATE_DB_URL", postgres.jdbcUrl(database));
        variables.put("PAYGATE_DB_USER", "postgres");
        variables.put("PAYGATE_DB_PASSWORD", "");
        variables.put("PAYGATE_BROKER_URL", broker.tcpUrl());
        variables.put("PAYGATE_CARDNET_A_PORT", Integer.toString(simulatorPorts.get("cardnet-a")));
        variables.put("PAYGATE_CARDNET_B_PORT", Integer.toString(simulatorPorts.get("cardnet-b")));
        variables.put("PAYGATE_CARDNET_A_MAC_KEY_HEX", SimulatorConfig.DEMO_MAC_KEY_HEX);
        variables.put("PAYGATE_VAULT_KEY_K1", vaultKey);
        variables.put("PAYGATE_FRONT_KEYS_0_KID", SERVER_KEY_ID);
        variables.put("PAYGATE_FRONT_KEYS_0_JWK", serverKey.toJSONString());
        this.environment = Map.copyOf(variables);
    }

    /** A back unit with {@code consumers} concurrent consumers of the payment queue. */
    public GatewayProcess startBack(String name, int consumers) throws IOException, InterruptedException {
        return start(name, List.of("--spring.profiles.active=external,back",
                "--paygate.handover.back-consumers=" + consumers));
    }

    /** A front unit on {@code httpPort}; {@code frontArguments} add settings (the bench's Argon2id parameters). */
    public GatewayProcess startFront(String name, int httpPort, List<String> frontArguments)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=external,front",
                "--server.port=" + httpPort, "--server.address=127.0.0.1"));
        arguments.addAll(frontArguments);
        return start(name, arguments);
    }

    /**
     * Front and back in one process with the seed on, as the database owner runs it once: it enrolls the seed
     * file's merchant and customers (wallets and passwords). Stop it once it is ready.
     */
    public GatewayProcess startSeeder(String name) throws IOException, InterruptedException {
        return start(name, List.of("--spring.profiles.active=external", "--paygate.seed.enabled=true",
                "--server.port=-1"));
    }

    private GatewayProcess start(String name, List<String> unitArguments) throws IOException, InterruptedException {
        Path dataDirectory = work.resolve(name + "-data");
        OperatorAccount.write(dataDirectory.resolve("keys"));
        List<String> arguments = new ArrayList<>(unitArguments);
        arguments.add("--paygate.data-directory=" + dataDirectory);
        arguments.add("--paygate.config-directory=" + configDirectory);
        arguments.add("--spring.config.additional-location=optional:file:" + configDirectory + "/");
        // Several JVMs start at once on few cores: jPOS Q2 gets longer than its default 20 s to deploy.
        arguments.add("--paygate.card.startup-timeout-ms=180000");
        Files.createDirectories(dataDirectory);
        return GatewayProcess.start(jar, List.of(), repository, arguments, environment,
                work.resolve("logs").resolve(name + ".log"));
    }
}
