package dev.paygate.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster of deploy/local-cluster (Artemis HA pair, PostgreSQL server, bank simulator, 2 fronts behind
 * HAProxy, 2 backs), started, killed and restarted part by part through its own command,
 * {@code deploy/local-cluster/cluster}; the load comes from its own driver, {@code ClusterDriver.java}. What the run
 * reads from it (ports, logins) comes from the cluster's state file. Everything it started is stopped on close.
 */
final class LocalCluster implements AutoCloseable {

    /** The reply wait and recovery of the cluster's units, short as the embedded gateway's in the fault run. */
    static final long REPLY_TIMEOUT_MS = 5_000;
    static final long RECOVERY_INTERVAL_MS = 1_000;
    static final long CARD_TIMEOUT_MS = 2_000;
    static final long UNSENT_CLOSE_AFTER_MS = 5_000;
    static final long UNSENT_POLL_INTERVAL_MS = 1_000;
    private static final Duration COMMAND_BOUND = Duration.ofMinutes(15);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String BROKER_USER = "paygate";
    private static final String DATABASE_ADMIN = "postgres";

    private final Path repositoryRoot;
    private final Path work;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> state = Map.of();
    private boolean up;

    /** @param log where the cluster command's own output goes */
    LocalCluster(Path repositoryRoot, Path log) {
        this.repositoryRoot = repositoryRoot;
        this.work = repositoryRoot.resolve("target/local-cluster");
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-local-cluster"));
    }

    /** The units' short waits, passed to every front and back. */
    static List<String> unitArguments() {
        return List.of("--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS,
                "--paygate.handover.recovery-interval-ms=" + RECOVERY_INTERVAL_MS,
                "--paygate.card.networks.cardnet-a.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.networks.cardnet-b.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.unsent.close-after-ms=" + UNSENT_CLOSE_AFTER_MS,
                "--paygate.card.unsent.poll-interval-ms=" + UNSENT_POLL_INTERVAL_MS);
    }

    /**
     * What this machine lacks to run the cluster (its broker's JDK 17, HAProxy or root to install it, psql, jq), or
     * null when nothing.
     */
    static String missingPrerequisite() {
        String brokerJava = System.getenv().getOrDefault("BROKER_JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64");
        if (!Files.isExecutable(Path.of(brokerJava, "bin", "java"))) {
            return "no JDK 17 for Artemis at " + brokerJava;
        }
        for (String tool : List.of("psql", "jq", "curl", "ss", "setsid")) {
            if (!onPath(tool)) {
                return "no " + tool + " on the PATH";
            }
        }
        if (!onPath("haproxy") && !"root".equals(System.getProperty("user.name"))) {
            return "no HAProxy (sudo apt-get install haproxy)";
        }
        return null;
    }

    /** Starts every part with the run's customers in the seed and the units' arguments; returns once all serve. */
    void start(String seedCustomersYaml, List<String> unitArguments) throws Exception {
        Path seed = Files.createTempFile("faults-cluster-customers", ".yml");
        try {
            Files.writeString(seed, seedCustomersYaml);
            List<String> command = new ArrayList<>(List.of("up", "--no-build", "--seed-customers", seed.toString()));
            for (String argument : unitArguments) {
                command.addAll(List.of("--unit-arg", argument));
            }
            up = true;
            run(command);
        } finally {
            Files.deleteIfExists(seed);
        }
        state = readState(work.resolve("cluster.env"));
    }

    void kill(String part) throws Exception {
        run(List.of("kill", part));
    }

    void restart(String part) throws Exception {
        run(List.of("start", part));
    }

    URI balancer() {
        return URI.create("http://127.0.0.1:" + state.get("lb_port"));
    }

    /** Each front unit directly, not through the balancer. */
    List<URI> fronts() {
        return List.of(URI.create("http://127.0.0.1:" + state.get("port_http_front1")),
                URI.create("http://127.0.0.1:" + state.get("port_http_front2")));
    }

    Database database() {
        return new Database("jdbc:postgresql://127.0.0.1:" + state.get("pg_port") + "/paygate", DATABASE_ADMIN,
                state.get("admin_db_password"));
    }

    /** The broker pair's URL with failover, as the units have it. */
    String brokerUrl() {
        return state.get("broker_url");
    }

    String brokerUser() {
        return BROKER_USER;
    }

    String brokerPassword() {
        return state.get("broker_password");
    }

    String driverCustomerPrefix() {
        return "cluster-c";
    }

    int driverCustomers() {
        return Integer.parseInt(state.get("customers"));
    }

    String driverCustomerPassword() {
        return state.get("customer_password");
    }

    Path simulatorLog() {
        return work.resolve("logs/simulator.log");
    }

    /**
     * The ledger invariants as a back unit's management port reports them (either back; one may be down):
     * empty when they hold.
     */
    List<String> ledgerViolations() throws InterruptedException {
        String last = "no back unit answered";
        for (String back : List.of("back1", "back2")) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + state.get("port_mgmt_" + back) + "/actuator/ledgerinvariants")).timeout(HTTP_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer.body().replace(" ", "").contains("\"violations\":[]") ? List.of() : List.of(answer.body());
                }
                last = back + " answered " + answer.statusCode();
            } catch (IOException down) {
                last = back + ": " + down;
            }
        }
        return List.of("ledger invariants unreadable: " + last);
    }

    /** What the PAN sweep reads: logs and every part's data, not the downloaded binaries or the seed. */
    List<Path> sweptDirectories() {
        List<Path> directories = new ArrayList<>(List.of(work.resolve("logs"), work.resolve("postgres/data"),
                work.resolve("primary/data"), work.resolve("backup/data")));
        for (String unit : List.of("front1", "front2", "back1", "back2", "seeder")) {
            directories.add(work.resolve(unit));
        }
        return directories.stream().filter(Files::isDirectory).toList();
    }

    /** The cluster's driver class, compiled once from deploy/local-cluster/ClusterDriver.java. */
    List<String> driverCommand(Path java) throws Exception {
        Path classes = work.resolve("driver-classes");
        String classPath = repositoryRoot.resolve("merchant-kit/target/classes") + File.pathSeparator
                + Files.readString(work.resolve("merchant-kit.classpath")).strip();
        if (!Files.exists(classes.resolve("ClusterDriver.class"))) {
            Path javac = java.resolveSibling("javac");
            Process compile = new ProcessBuilder(javac.toString(), "-d", classes.toString(), "-cp", classPath,
                    repositoryRoot.resolve("deploy/local-cluster/ClusterDriver.java").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!compile.waitFor(COMMAND_BOUND.toMillis(), TimeUnit.MILLISECONDS) || compile.exitValue() != 0) {
                throw new IllegalStateException("ClusterDriver.java did not compile; see " + log);
            }
        }
        return List.of(java.toString(), "-cp", classes + File.pathSeparator + classPath, "ClusterDriver");
    }

    Path work() {
        return work;
    }

    @Override
    public void close() {
        if (!up) {
            return;
        }
        up = false;
        try {
            run(List.of("down"));
        } catch (Exception e) {
            System.out.println("faults: stopping the local cluster failed: " + e + "; see " + log);
        }
    }

    private void run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(repositoryRoot.resolve("deploy/local-cluster/cluster").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(repositoryRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(COMMAND_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("cluster " + arguments + " did not end within " + COMMAND_BOUND.toMinutes()
                    + " min; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("cluster " + arguments + " failed; see " + log);
        }
    }

    /** The cluster's state file: {@code name=value} lines, values quoted for bash ({@code printf %q}). */
    private static Map<String, String> readState(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).replaceAll("\\\\(.)", "$1"));
            }
        }
        return values;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }
}
