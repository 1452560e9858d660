package dev.paygate.faults;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded default as {@code ./run} starts it (PostgreSQL and Artemis inside, on its own data directory),
 * with short waits, its operator account and the run's customers, and the bank simulator as a process of its
 * own: what a round kills with SIGKILL and starts again. Everything it started is stopped by PID on close.
 */
final class EmbeddedGateway implements AutoCloseable {

    // A first start on this loaded 2-core machine (initdb, Flyway, Q2) took over 3 min at load 30; a hang still ends.
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);
    /** At its exit the training JVM assembles the AOT cache (about 130 MB) in a child JVM; minutes under load. */
    static final Duration AOT_CACHE_WRITE_TIMEOUT = Duration.ofMinutes(10);
    // Short waits, so the bound of docs/front-unit.md "Every payment ends final" is short too.
    static final long REPLY_TIMEOUT_MS = 5_000;
    static final long RECOVERY_INTERVAL_MS = 1_000;
    static final long CARD_TIMEOUT_MS = 2_000;
    static final long UNSENT_CLOSE_AFTER_MS = 5_000;
    static final long UNSENT_POLL_INTERVAL_MS = 1_000;
    /** Reply wait + 2 recovery intervals + the card timeout, plus the closing of an unsent card entry. */
    static final Duration DECISION_BOUND = Duration.ofMillis(REPLY_TIMEOUT_MS + 2 * RECOVERY_INTERVAL_MS
            + CARD_TIMEOUT_MS + UNSENT_CLOSE_AFTER_MS + UNSENT_POLL_INTERVAL_MS);
    private static final String OPERATOR_USERNAME = "faults";
    private static final String DATABASE_NAME = "paygate";

    private final Path repositoryRoot;
    private final Path workDirectory;
    private final URI gateway;
    private final int postgresPort;
    private final String operatorPassword = randomSecret();
    private final SimulatorProcess simulator;
    private final GatewayApp app;
    private final List<String> jvm;
    private final List<String> arguments;
    private final Path data;
    private final Path logs;
    private GatewayProcess process;
    private Database database;

    EmbeddedGateway(Path repositoryRoot, Path workDirectory) throws Exception {
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        data = Files.createDirectories(workDirectory.resolve("data"));
        logs = Files.createDirectories(workDirectory.resolve("logs"));
        int[] ports = freeLoopbackPorts(4);
        gateway = URI.create("http://127.0.0.1:" + ports[0]);
        postgresPort = ports[3];
        Path config = copyConfigWithRunCustomers(ports[1], ports[2]);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        simulator = new SimulatorProcess(List.of(java.toString(), "-jar",
                repositoryRoot.resolve("bank-simulator/target/bank-simulator-exec.jar").toString(),
                "--config", config.resolve("bank-simulator/simulator.yml").toString()),
                repositoryRoot, logs.resolve("simulator.log"), List.of(ports[1], ports[2]));
        Path jar = repositoryRoot.resolve("gateway/target/paygate-gateway.jar");
        app = GatewayApp.of(java, jar, repositoryRoot.resolve("fault-suite/target/gateway-app"));
        // As ./run does, from the extracted layout (the nested-jar class loader can hang virtual threads); C1 only
        // and one GC thread: a start here is mostly class loading and JIT work, on two cores shared with others.
        jvm = List.of(java.toString(), "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC");
        arguments = List.of("-jar", app.applicationJar().toString(),
                "--server.address=127.0.0.1", "--server.port=" + ports[0], "--paygate.config-directory=" + config,
                // The card network is the simulator process: it lives on while the gateway is killed.
                "--paygate.embedded.simulator=false",
                "--paygate.card.networks.cardnet-a.port=" + ports[1], "--paygate.card.networks.cardnet-b.port=" + ports[2],
                "--paygate.embedded.postgres-port=" + postgresPort,
                "--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS,
                "--paygate.handover.recovery-interval-ms=" + RECOVERY_INTERVAL_MS,
                "--paygate.card.networks.cardnet-a.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.networks.cardnet-b.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.unsent.close-after-ms=" + UNSENT_CLOSE_AFTER_MS,
                "--paygate.card.unsent.poll-interval-ms=" + UNSENT_POLL_INTERVAL_MS,
                "--paygate.operator.accounts[0].username=" + OPERATOR_USERNAME,
                "--paygate.operator.accounts[0].password-hash=" + operatorPasswordHash(java, jar, operatorPassword));
    }

    /**
     * Starts the simulator, then the gateway; the database is readable once this returns.
     *
     * @param trainAotCache whether to make the JVM's AOT cache first when there is none for this jar: a start of its
     *                      own, which pays off over the many restarts of a full run and in later runs
     */
    void start(boolean trainAotCache) throws Exception {
        simulator.start(STARTUP_TIMEOUT);
        if (trainAotCache && app.aotCache().isEmpty()) {
            trainAotCache();
        }
        List<String> command = new ArrayList<>(jvm);
        app.aotCache().ifPresent(cache -> command.add("-XX:AOTCache=" + cache));
        command.addAll(arguments);
        command.add("--paygate.data-directory=" + data);
        process = new GatewayProcess(command, repositoryRoot, logs, gateway.resolve("/actuator/health"));
        process.start(STARTUP_TIMEOUT);
        Properties logins = new Properties();
        try (Reader reader = Files.newBufferedReader(workDirectory.resolve("data/keys/database.properties"))) {
            logins.load(reader);
        }
        database = new Database("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE_NAME,
                logins.getProperty("application-role"), logins.getProperty("application-password"));
    }

    /** A start on scratch data with the JVM writing its AOT cache at a clean exit (SIGTERM once ready). */
    private void trainAotCache() throws Exception {
        Path scratch = workDirectory.resolve("aot-training");
        List<String> command = new ArrayList<>(jvm);
        command.add("-XX:AOTCacheOutput=" + app.trainingOutput());
        command.addAll(arguments);
        command.add("--paygate.data-directory=" + scratch.resolve("data"));
        System.out.println("faults: training the JVM's AOT cache for this gateway jar (once; a start of its own)");
        boolean exited = false;
        try (GatewayProcess training = new GatewayProcess(command, repositoryRoot,
                Files.createDirectories(scratch.resolve("logs")), gateway.resolve("/actuator/health"))) {
            training.start(STARTUP_TIMEOUT);
            exited = training.stopGracefully(AOT_CACHE_WRITE_TIMEOUT);
        } catch (IllegalStateException trainingFailed) {
            System.out.println("faults: no AOT cache (" + trainingFailed.getMessage() + "); starting without one");
        }
        if (!app.keepTrainedCache(exited)) {
            System.out.println("faults: the training start left no AOT cache; starting without one");
        }
    }

    /** kill -9 of the gateway's JVM (its PostgreSQL lives on, orphaned), then a start on the same data. */
    void killHard() {
        process.killHard();
    }

    void restart() {
        process.start(STARTUP_TIMEOUT);
    }

    URI entry() {
        return gateway;
    }

    JsonHttp operator() {
        return new JsonHttp(gateway, OPERATOR_USERNAME, operatorPassword);
    }

    Database database() {
        return database;
    }

    Path simulatorLog() {
        return simulator.logFile();
    }

    /** What the PAN sweep reads: the data directory (PostgreSQL, Artemis journal, keys, settlement files) and logs. */
    List<Path> sweptDirectories() {
        return List.of(workDirectory.resolve("data"), workDirectory.resolve("logs"));
    }

    /** SIGTERM, so the gateway stops its PostgreSQL cleanly; true when it exited in time. */
    boolean stopGracefully() {
        return process == null || process.stopGracefully();
    }

    int crashes() {
        return process == null ? 0 : process.crashes();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        simulator.close();
    }

    /**
     * The repository's config/ with the simulator on the run's ports and the run's customers added to the seed:
     * one per card behaviour, wallets funded.
     */
    private Path copyConfigWithRunCustomers(int cardnetAPort, int cardnetBPort) throws IOException {
        Path source = repositoryRoot.resolve("config");
        Path target = workDirectory.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path simulatorConfig = target.resolve("bank-simulator/simulator.yml");
        Files.writeString(simulatorConfig, Files.readString(simulatorConfig)
                .replace("port: 10001", "port: " + cardnetAPort).replace("port: 10002", "port: " + cardnetBPort));
        Files.writeString(target.resolve("seed/demo.yml"), "\n" + RunCustomers.seedYaml(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return target;
    }

    /** The Argon2id hash of the run's operator password, made by the gateway's own tool (docs/operator.md). */
    private static String operatorPasswordHash(Path java, Path jar, String password) throws Exception {
        Process hasher = new ProcessBuilder(java.toString(), "-cp", jar.toString(),
                "-Dloader.main=dev.paygate.gateway.operator.OperatorPasswordHash",
                "org.springframework.boot.loader.launch.PropertiesLauncher").redirectErrorStream(true).start();
        hasher.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        hasher.getOutputStream().close();
        String output = new String(hasher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        hasher.waitFor();
        return output.lines().filter(line -> line.startsWith("$argon2id$")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no hash from OperatorPasswordHash: " + output));
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
