package dev.paygate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.paygate.benchmarks.back.BackUnitLoad;
import dev.paygate.benchmarks.back.LedgerFixture;
import dev.paygate.benchmarks.back.LedgerSettlementLoad;
import dev.paygate.benchmarks.flow.BenchConfig;
import dev.paygate.benchmarks.flow.FullFlow;
import dev.paygate.benchmarks.gateway.GatewayProcess;
import dev.paygate.benchmarks.gateway.OperatorAccount;
import dev.paygate.benchmarks.gateway.SplitDeployment;
import dev.paygate.benchmarks.infra.BenchBroker;
import dev.paygate.benchmarks.infra.BenchPostgres;
import dev.paygate.benchmarks.infra.FreePorts;
import dev.paygate.benchmarks.infra.ProcessCpu;
import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.benchmarks.load.OpenLoop;
import dev.paygate.benchmarks.profile.CpuProfile;
import dev.paygate.benchmarks.raw.BrokerLimit;
import dev.paygate.benchmarks.raw.CardNetworkLimit;
import dev.paygate.benchmarks.raw.KdfLimit;
import dev.paygate.benchmarks.raw.LedgerSqlLimit;
import dev.paygate.benchmarks.raw.SignatureLimit;
import dev.paygate.benchmarks.report.Reports;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * {@code ./bench [--quick]}: the raw limits of this machine, then Paygate's figures, measured in one run, and
 * their ratios, written to {@code benchmarks/results/}. Run from the repository root, after the gateway jar is
 * built (./bench does both).
 */
public final class Bench {

    /** The back unit's concurrent consumers (paygate.handover.back-consumers), also the raw SQL's threads. */
    private static final int BACK_CONSUMERS = 8;
    private static final int IN_FLIGHT = 32;
    private static final int PROFILED_CONCURRENCY = 4;
    /** Browsers in flight when the flow runs through one front and then two. */
    private static final int SCALING_CONCURRENCY = 8;
    /** Payments of the AOT cache's training start. */
    private static final long AOT_TRAINING_PAYMENTS = 20;
    /** Writing the JVM's AOT cache at exit takes a while on a busy machine. */
    private static final Duration AOT_CACHE_WRITE_MAX = Duration.ofMinutes(5);

    private final BenchMode mode;
    private final Path repository;
    private final Path work;
    private final int cores = Runtime.getRuntime().availableProcessors();
    /**
     * In base 36: a run of 13 decimal digits in an order id passes the Luhn check one time in ten, and the gateway
     * refuses a ticket that seems to carry a card number.
     */
    private final String runId = "r" + Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final Map<String, Object> project = new LinkedHashMap<>();
    /** The gateway jar in its extracted layout, as {@code ./run} starts it. */
    private Path gatewayJar;
    private BenchConfig config;

    private Bench(BenchMode mode, Path repository) {
        this.mode = mode;
        this.repository = repository;
        this.work = repository.resolve("benchmarks/target/bench-work");
    }

    public static void main(String[] arguments) throws Exception {
        BenchMode mode = BenchMode.of(arguments);
        new Bench(mode, Path.of("").toAbsolutePath()).run();
        // Q2 and the broker's client threads are not all daemons: the figures are written, so leave.
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        boolean backUnit = mode.includes("back-unit");
        boolean fronts = mode.includes("fronts");
        boolean fullFlow = mode.includes("full-flow");
        deleteTree(work);
        Files.createDirectories(work);
        Map<String, Object> machine = machine();
        say("Paygate bench (" + mode.name() + ") on " + cores + " cores, load " + machine.get("load_average_start"));
        gatewayJar = GatewayProcess.extract(repository.resolve("gateway/target/paygate-gateway.jar"), work.resolve("app"));
        config = BenchConfig.write(repository.resolve("config"), work.resolve("config"));

        try {
            rawCpuLimits();
            if (backUnit || fronts) {
                splitDeployment(backUnit, fronts);
            }
            if (fullFlow) {
                fullFlow();
            }
        } finally {
            config.emptySeedFile();
        }

        machine.put("load_average_end", ProcessCpu.loadAverage());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", mode.name());
        results.put("started_at", started.toString());
        results.put("finished_at", Instant.now().toString());
        results.put("machine", machine);
        results.put("raw", raw);
        results.put("project", project);
        if (!(backUnit && fronts && fullFlow)) {
            // A partial run (--only=...) is for trying a change: it never replaces the published results.
            Path partial = work.resolveSibling("bench-partial.json");
            Reports.resultsJson().writeValue(partial.toFile(), results);
            say("partial results in " + partial);
            return;
        }
        results.put("ratios", ratios());
        results.put("startup_ms", project.get("startup_ms"));
        Path written = new Reports(repository.resolve("benchmarks/results")).write(results,
                started.atZone(ZoneOffset.UTC).toLocalDate().toString());
        say("results in " + written + " (ratios " + results.get("ratios") + ")");
    }

    /**
     * The units as separate processes on the bench's own database, broker and bank simulator: the back unit alone
     * with its raw limits beside it, then the full flow through one front unit and through two.
     */
    private void splitDeployment(boolean backUnit, boolean fronts) throws Exception {
        String vaultKey = randomBase64Key();
        try (BenchPostgres postgres = BenchPostgres.start(work.resolve("postgres"));
             BenchBroker broker = BenchBroker.start(work.resolve("artemis"), FreePorts.next());
             BankSimulator simulator = BankSimulator.start(SimulatorConfig.load(
                     repository.resolve("config/bank-simulator/simulator.yml")).withEphemeralPorts())) {
            postgres.createDatabase("backunit");
            LedgerFixture fixture;
            try (HikariDataSource ledger = postgres.pool("backunit", 4)) {
                say("seeding " + LedgerFixture.WALLETS + " wallets and " + LedgerFixture.SPREAD_MERCHANTS + " merchants");
                fixture = LedgerFixture.seed(ledger, LedgerFixture.vaultKeys(vaultKey));
            }
            if (backUnit) {
                rawLedger(fixture, postgres.jdbcUrl("backunit"));
                ledgerSettlement(postgres);
                rawBroker(broker);
                rawCardNetwork(simulator);
            }
            SplitDeployment units = new SplitDeployment(gatewayJar, repository, work, config.directory(), postgres,
                    "backunit", broker, Map.of("cardnet-a", simulator.port("cardnet-a"),
                            "cardnet-b", simulator.port("cardnet-b")), vaultKey);
            say("back unit: starting the gateway with profiles external,back");
            try (GatewayProcess back = units.startBack("back-unit", BACK_CONSUMERS)) {
                if (backUnit) {
                    backUnit(back, broker);
                }
                if (fronts) {
                    frontScaling(units, back);
                }
            }
        }
    }

    private void rawCpuLimits() throws Exception {
        ClosedLoop loop = new ClosedLoop(mode.rawWarmup(), mode.rawMeasured());
        KdfLimit kdf = new KdfLimit(loop);
        say("raw: Argon2id m=" + KdfLimit.MEMORY_KIB + " KiB t=" + KdfLimit.ITERATIONS + " p=" + KdfLimit.PARALLELISM);
        Map<String, Object> argon = new LinkedHashMap<>();
        argon.put("memory_kib", KdfLimit.MEMORY_KIB);
        argon.put("iterations", KdfLimit.ITERATIONS);
        argon.put("parallelism", KdfLimit.PARALLELISM);
        double benchCpuBefore = ProcessCpu.cpuMs(ProcessHandle.current().pid());
        Measurement oneThread = kdf.verifies(1);
        // The bench's JVM does nothing else meanwhile: CPU per verify, to set beside the gateway's kdf stage.
        double verifyCpuMs = (ProcessCpu.cpuMs(ProcessHandle.current().pid()) - benchCpuBefore)
                / Math.max(1, oneThread.perSecond() * (mode.rawWarmup().toMillis() + mode.rawMeasured().toMillis()) / 1000.0);
        Map<String, Object> oneThreadFigures = figures(oneThread);
        oneThreadFigures.put("cpu_ms_per_verify", verifyCpuMs);
        argon.put("one_thread", oneThreadFigures);
        argon.put("threads", cores);
        argon.put("all_cores", figures(kdf.verifies(cores)));
        raw.put("argon2id_verify", argon);
        say("raw: Ed25519");
        SignatureLimit signatures = new SignatureLimit(loop);
        raw.put("ed25519_sign", figures(signatures.signs(cores)));
        raw.put("ed25519_verify", figures(signatures.verifies(cores)));
    }

    private void rawLedger(LedgerFixture fixture, String jdbcUrl) throws Exception {
        say("raw: ledger transfer SQL, " + BACK_CONSUMERS + " connections");
        ClosedLoop loop = new ClosedLoop(mode.rawWarmup(), mode.rawMeasured());
        try (LedgerSqlLimit sql = new LedgerSqlLimit(loop, fixture, jdbcUrl, BACK_CONSUMERS)) {
            Map<String, Object> ledger = new LinkedHashMap<>();
            ledger.put("connections", BACK_CONSUMERS);
            ledger.put("wallets", LedgerFixture.WALLETS);
            ledger.put("tills_spread", LedgerFixture.SPREAD_MERCHANTS);
            ledger.put("spread", figures(sql.spread(runId)));
            ledger.put("hot_till", figures(sql.hotTill(runId)));
            raw.put("ledger_transfer_sql", ledger);
        }
    }

    private void ledgerSettlement(BenchPostgres postgres) {
        say("ledger-service: wallet settlement in-process, " + BACK_CONSUMERS + " threads");
        ClosedLoop loop = new ClosedLoop(mode.rawWarmup(), mode.rawMeasured());
        try (HikariDataSource ledger = postgres.pool("backunit", BACK_CONSUMERS)) {
            LedgerSettlementLoad settlements = new LedgerSettlementLoad(loop, ledger);
            Map<String, Object> settlement = new LinkedHashMap<>();
            settlement.put("threads", BACK_CONSUMERS);
            settlement.put("spread", figures(settlements.spread(BACK_CONSUMERS, runId)));
            settlement.put("hot_till", figures(settlements.hotTill(BACK_CONSUMERS, runId)));
            project.put("ledger_wallet_settlement", settlement);
        }
    }

    private void rawBroker(BenchBroker broker) throws Exception {
        say("raw: Artemis persistent request/reply");
        ClosedLoop loop = new ClosedLoop(mode.rawWarmup(), mode.rawMeasured());
        try (BrokerLimit limit = new BrokerLimit(loop, broker.inVmUrl(), BACK_CONSUMERS)) {
            Map<String, Object> artemis = new LinkedHashMap<>();
            artemis.put("persistent", true);
            artemis.put("responders", BACK_CONSUMERS);
            artemis.put("in_flight_1", figures(limit.requestReply(1)));
            artemis.put("in_flight_32", figures(limit.requestReply(IN_FLIGHT)));
            raw.put("artemis_request_reply", artemis);
        }
    }

    private void rawCardNetwork(BankSimulator simulator) throws Exception {
        say("raw: jPOS QMUX round trip to the simulator");
        ClosedLoop loop = new ClosedLoop(mode.rawWarmup(), mode.rawMeasured());
        try (CardNetworkLimit limit = new CardNetworkLimit(loop, repository.resolve("config/routes/deploy"),
                work.resolve("q2"), simulator.port("cardnet-a"))) {
            Map<String, Object> jpos = new LinkedHashMap<>();
            jpos.put("in_flight_1", figures(limit.roundTrips(1)));
            jpos.put("in_flight_32", figures(limit.roundTrips(IN_FLIGHT)));
            raw.put("jpos_qmux_round_trip", jpos);
        }
    }

    /** The back unit alone (profile external,back): authenticated orders straight on its queue. */
    private void backUnit(GatewayProcess gateway, BenchBroker broker) throws Exception {
        Map<String, Object> back = new LinkedHashMap<>();
        try (BackUnitLoad load = new BackUnitLoad(new ClosedLoop(mode.flowWarmup(), mode.flowMeasured()), broker.inVmUrl())) {
            say("back unit: warm-up, " + mode.backWarmupDecisions() + " wallet and card decisions");
            // The gateway's first decisions run cold (class loading, JIT): not measured.
            load.warmUp(IN_FLIGHT, runId, mode.backWarmupDecisions(), mode.warmupTimeMax());
            back.put("consumers", BACK_CONSUMERS);
            back.put("in_flight", IN_FLIGHT);
            say("back unit: wallet spread");
            back.put("wallet_spread", figures(load.walletSpread(IN_FLIGHT, runId)));
            say("back unit: wallet into one hot till");
            back.put("wallet_hot_till", figures(load.walletHotTill(IN_FLIGHT, runId)));
            say("back unit: JFR CPU profile of wallet spread");
            back.put("profile_wallet_spread", profiled(gateway, "back-unit", () -> load.walletSpread(IN_FLIGHT, runId + "-jfr"),
                    Map.of("postgres", () -> ProcessCpu.postgresCpuMs(work.resolve("postgres/data")),
                            "broker and driver", () -> ProcessCpu.cpuMs(ProcessHandle.current().pid()))));
            say("back unit: card");
            back.put("card", figures(load.card(IN_FLIGHT, runId)));
            back.put("peak_rss_mib", gateway.peakRssMib());
        }
        project.put("back_unit_decisions", back);
    }

    /**
     * The full flow at one concurrency through one front unit, then through two (each browser stays on one front),
     * every front a process with profiles external,front beside the one back unit. On a machine where the fronts,
     * the back unit and the database share the same cores, the ratio shows how much a second front adds there.
     */
    private void frontScaling(SplitDeployment units, GatewayProcess back) throws Exception {
        say("fronts: seeding the bench's merchant and customers; starting two front units");
        List<String> frontArguments = argon2Arguments();
        int[] ports = {FreePorts.next(), FreePorts.next()};
        List<GatewayProcess> started = GatewayProcess.startTogether(List.of(
                () -> units.startSeeder("seeder"),
                () -> units.startFront("front-1", ports[0], frontArguments),
                () -> units.startFront("front-2", ports[1], frontArguments)));
        try (GatewayProcess seeder = started.get(0); GatewayProcess front1 = started.get(1);
             GatewayProcess front2 = started.get(2)) {
            seeder.stop(Duration.ofSeconds(60));
            List<FullFlow> flows = List.of(
                    new FullFlow(URI.create("http://127.0.0.1:" + ports[0]), config.merchantKey(), config.password(), runId + "-f1"),
                    new FullFlow(URI.create("http://127.0.0.1:" + ports[1]), config.merchantKey(), config.password(), runId + "-f2"));
            ClosedLoop.Operation throughBoth = (worker, sequence) -> flows.get(worker % flows.size()).run(worker, sequence);
            say("fronts: warm-up, " + mode.flowWarmupPayments() + " payments through both");
            ClosedLoop.warmUp(SCALING_CONCURRENCY, throughBoth, mode.flowWarmupPayments(), mode.warmupTimeMax());
            ClosedLoop loop = new ClosedLoop(mode.flowWarmup(), mode.flowMeasured());
            Map<String, Object> scaling = new LinkedHashMap<>();
            scaling.put("concurrency", SCALING_CONCURRENCY);
            say("fronts: full flow through one front, concurrency " + SCALING_CONCURRENCY);
            scaling.put("one_front", unitsFigures(loop, flows.getFirst(), List.of(front1, back)));
            say("fronts: full flow through two fronts, concurrency " + SCALING_CONCURRENCY);
            scaling.put("two_fronts", unitsFigures(loop, throughBoth, List.of(front1, front2, back)));
            scaling.put("two_vs_one", perSecond(scaling.get("two_fronts")) / perSecond(scaling.get("one_front")));
            project.put("fronts_scaling", scaling);
        }
    }

    /** One closed-loop run, with the CPU each unit used per payment (the back unit's includes nothing of the database). */
    private Map<String, Object> unitsFigures(ClosedLoop loop, ClosedLoop.Operation flow, List<GatewayProcess> units) {
        double[] before = units.stream().mapToDouble(GatewayProcess::cpuMs).toArray();
        Measurement measured = loop.run(SCALING_CONCURRENCY, flow);
        Map<String, Object> figures = figures(measured);
        Map<String, Object> cpu = new LinkedHashMap<>();
        for (int unit = 0; unit < units.size(); unit++) {
            cpu.put(units.get(unit).name(), (units.get(unit).cpuMs() - before[unit]) / operationsDuringRun(measured));
        }
        figures.put("cpu_ms_per_payment", cpu);
        return figures;
    }

    private List<String> argon2Arguments() {
        return List.of("--paygate.front.auth.argon2.memory-kib=" + KdfLimit.MEMORY_KIB,
                "--paygate.front.auth.argon2.iterations=" + KdfLimit.ITERATIONS,
                "--paygate.front.auth.argon2.parallelism=" + KdfLimit.PARALLELISM);
    }

    private void fullFlow() throws Exception {
        int httpPort = FreePorts.next();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--paygate.data-directory=" + work.resolve("gateway-data"),
                "--paygate.config-directory=" + config.directory(),
                "--paygate.card.networks.cardnet-a.port=" + FreePorts.next(),
                "--paygate.card.networks.cardnet-b.port=" + FreePorts.next(),
                "--paygate.demo-shop-url=",
                // A busy machine gives jPOS Q2 longer than its default 20 s to deploy.
                "--paygate.card.startup-timeout-ms=180000"));
        arguments.addAll(argon2Arguments());
        OperatorAccount.write(work.resolve("gateway-data/keys"));
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        Path aotCache = gatewayJar.resolveSibling("paygate.aot");
        say("full flow: first start of the embedded default (creates the database, seeds the bench customers),"
                + " training the JVM's AOT cache as ./run does");
        long firstStartMs;
        try (GatewayProcess first = GatewayProcess.start(gatewayJar, List.of("-XX:AOTCacheOutput=" + aotCache),
                repository, arguments, Map.of(), work.resolve("logs/gateway-first-start.log"))) {
            firstStartMs = first.startupMs();
            // A few payments, so the cache also holds what a payment loads.
            ClosedLoop.warmUp(2, new FullFlow(base, config.merchantKey(), config.password(), runId + "-training"),
                    AOT_TRAINING_PAYMENTS, mode.warmupTimeMax());
            first.stop(AOT_CACHE_WRITE_MAX);
        }
        config.emptySeedFile();
        List<String> cache = Files.exists(aotCache) ? List.of("-XX:AOTCache=" + aotCache) : List.of();
        say("full flow: start again" + (cache.isEmpty() ? " (no AOT cache was written)" : " with the AOT cache")
                + " (the start-up time reported)");
        try (GatewayProcess gateway = GatewayProcess.start(gatewayJar, cache, repository, arguments, Map.of(),
                work.resolve("logs/gateway.log"))) {
            project.put("startup_ms", gateway.startupMs());
            project.put("startup_jvm_uptime_at_ready_ms", gateway.jvmUptimeAtReadyMs());
            project.put("startup_with_aot_cache", !cache.isEmpty());
            project.put("first_start_ms", firstStartMs);
            project.put("load_average_at_startup", ProcessCpu.loadAverage());
            FullFlow flow = new FullFlow(base, config.merchantKey(), config.password(), runId);
            DoubleSupplier embeddedPostgresCpu = () -> ProcessCpu.postgresCpuMs(work.resolve("gateway-data/postgres"));
            say("full flow: warm-up, " + mode.flowWarmupPayments() + " payments");
            ClosedLoop.warmUp(PROFILED_CONCURRENCY, flow, mode.flowWarmupPayments(), mode.warmupTimeMax());
            // The machine is shared: the KDF ceiling is measured again right before the flow it is compared with.
            say("raw: Argon2id again, beside the full flow (gateway idle)");
            raw.put("argon2id_verify_beside_full_flow", figures(new KdfLimit(
                    new ClosedLoop(mode.rawWarmup(), mode.rawMeasured())).verifies(cores)));
            ClosedLoop loop = new ClosedLoop(mode.flowWarmup(), mode.flowMeasured());
            List<Map<String, Object>> levels = new ArrayList<>();
            double heapPeakMib = 0;
            double driverCpuMs = 0;
            double gatewayCpuMs = 0;
            double peak = 0;
            for (int concurrency : mode.concurrencies()) {
                say("full flow: concurrency " + concurrency);
                double driverBefore = ProcessCpu.cpuMs(ProcessHandle.current().pid());
                double gatewayBefore = gateway.cpuMs() + embeddedPostgresCpu.getAsDouble();
                long measureFrom = System.nanoTime() + mode.flowWarmup().toNanos();
                Measurement payments = loop.run(concurrency, flow);
                long measureUntil = System.nanoTime();
                double driverUsed = ProcessCpu.cpuMs(ProcessHandle.current().pid()) - driverBefore;
                double gatewayUsed = gateway.cpuMs() + embeddedPostgresCpu.getAsDouble() - gatewayBefore;
                driverCpuMs += driverUsed;
                gatewayCpuMs += gatewayUsed;
                Map<String, Object> level = figures(payments);
                level.put("confirm", figures(flow.confirmsBetween(measureFrom, measureUntil, concurrency)));
                level.put("gateway_cpu_ms_per_payment", gatewayUsed / operationsDuringRun(payments));
                levels.add(level);
                peak = Math.max(peak, payments.perSecond());
                heapPeakMib = Math.max(heapPeakMib, ProcessCpu.heapUsedMib(gateway.pid()));
            }
            project.put("full_flow", levels);
            if (peak == 0) {
                throw new IllegalStateException("no payment went through the full flow; see " + work.resolve("logs"));
            }
            project.put("full_flow_peak_per_second", peak);
            project.put("driver_cpu_share", driverCpuMs / (driverCpuMs + gatewayCpuMs));
            say("full flow: JFR CPU profile at concurrency " + PROFILED_CONCURRENCY);
            project.put("profile", profiled(gateway, "full-flow", () -> loop.run(PROFILED_CONCURRENCY, flow),
                    Map.of("postgres", embeddedPostgresCpu)));
            say("full flow: open loop at half the peak, " + String.format("%.1f", peak / 2) + " payments/s");
            OpenLoop open = new OpenLoop(mode.flowWarmup(), mode.flowMeasured());
            long measureFrom = System.nanoTime() + mode.flowWarmup().toNanos();
            Measurement halfPeak = open.run(peak / 2, flow);
            Map<String, Object> half = figures(halfPeak);
            half.put("rate_per_second", peak / 2);
            half.put("confirm", figures(flow.confirmsBetween(measureFrom, System.nanoTime(), 0)));
            project.put("half_peak_open_loop", half);
            heapPeakMib = Math.max(heapPeakMib, ProcessCpu.heapUsedMib(gateway.pid()));
            project.put("gateway_peak_rss_mib", gateway.peakRssMib());
            project.put("gateway_heap_used_peak_mib", heapPeakMib);
        }
    }

    @FunctionalInterface
    private interface Run {
        Measurement measure() throws Exception;
    }

    /**
     * One run with the gateway under JFR: its CPU ms per operation by stage. Java threads' CPU is split by the
     * stages' shares of execution samples; the Argon2id derivation threads' CPU counts for kdf as the kernel read
     * it; gc, jit and vm are HotSpot's own threads; {@code others} are the
     * processes the operation also runs in (the database; for the back unit, the bench's own JVM with the broker).
     */
    private Map<String, Object> profiled(GatewayProcess gateway, String name, Run run,
                                         Map<String, DoubleSupplier> others) throws Exception {
        CpuProfile profile = new CpuProfile(gateway.pid(), work.resolve(name + ".jfr"));
        Map<String, Double> threadsBefore = ProcessCpu.threadCpuMs(gateway.pid());
        Map<String, Double> othersBefore = new LinkedHashMap<>();
        others.forEach((process, cpuMs) -> othersBefore.put(process, cpuMs.getAsDouble()));
        profile.start();
        Measurement measured = run.measure();
        Map<String, Long> samples = profile.stopAndCount();
        Map<String, Double> threadsAfter = ProcessCpu.threadCpuMs(gateway.pid());
        double operations = operationsDuringRun(measured);
        double javaMs = threadsAfter.getOrDefault("java", 0.0) - threadsBefore.getOrDefault("java", 0.0);
        long sampleTotal = samples.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> perOperation = new LinkedHashMap<>();
        samples.forEach((stage, count) -> perOperation.put(stage, javaMs * count / Math.max(1, sampleTotal) / operations));
        for (String kind : List.of("gc", "jit", "vm")) {
            perOperation.put(kind, (threadsAfter.getOrDefault(kind, 0.0) - threadsBefore.getOrDefault(kind, 0.0)) / operations);
        }
        perOperation.merge("kdf", (threadsAfter.getOrDefault("kdf", 0.0) - threadsBefore.getOrDefault("kdf", 0.0))
                / operations, (sampled, derivationThreads) -> (Double) sampled + (Double) derivationThreads);
        others.forEach((process, cpuMs) ->
                perOperation.put(process, (cpuMs.getAsDouble() - othersBefore.get(process)) / operations));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("concurrency", measured.concurrency());
        summary.put("per_second", measured.perSecond());
        summary.put("java_samples", sampleTotal);
        summary.put("cpu_ms_per_operation", perOperation);
        summary.put("cpu_ms_per_operation_total", perOperation.values().stream().mapToDouble(value -> (Double) value).sum());
        return summary;
    }

    /** A recording or CPU reading spans warm-up and measurement: the operations of both, at the measured rate. */
    private double operationsDuringRun(Measurement measured) {
        return Math.max(1, measured.perSecond() * (mode.flowWarmup().toMillis() + mode.flowMeasured().toMillis()) / 1000.0);
    }

    private Map<String, Object> ratios() {
        Map<String, Object> ratios = new LinkedHashMap<>();
        double kdfPerSecond = perSecond(raw.get("argon2id_verify_beside_full_flow"));
        double kdfMs = ((Number) ((Map<?, ?>) ((Map<?, ?>) raw.get("argon2id_verify")).get("one_thread")).get("p50_ms")).doubleValue();
        double peak = ((Number) project.get("full_flow_peak_per_second")).doubleValue();
        ratios.put("full_flow_vs_kdf", peak / kdfPerSecond);
        Map<?, ?> back = (Map<?, ?>) project.get("back_unit_decisions");
        double spread = perSecond(back.get("wallet_spread"));
        double slowestStage = Math.min(
                perSecond(((Map<?, ?>) raw.get("artemis_request_reply")).get("in_flight_32")),
                perSecond(((Map<?, ?>) raw.get("ledger_transfer_sql")).get("spread")));
        ratios.put("back_unit_vs_slowest_stage", spread / slowestStage);
        ratios.put("hot_till_vs_spread", perSecond(back.get("wallet_hot_till")) / spread);
        Map<?, ?> half = (Map<?, ?>) project.get("half_peak_open_loop");
        double p99Ms = ((Number) ((Map<?, ?>) half.get("confirm")).get("p99_ms")).doubleValue();
        ratios.put("p99_at_half_peak_vs_kdf_ms", p99Ms / kdfMs);
        ratios.put("two_fronts_vs_one", ((Map<?, ?>) project.get("fronts_scaling")).get("two_vs_one"));
        return ratios;
    }

    private static double perSecond(Object figures) {
        return ((Number) ((Map<?, ?>) figures).get("per_second")).doubleValue();
    }

    private static Map<String, Object> figures(Measurement measurement) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("concurrency", measurement.concurrency());
        figures.put("per_second", measurement.perSecond());
        figures.put("operations", measurement.operations());
        figures.put("errors", measurement.errors());
        figures.put("p50_ms", measurement.p50Ms());
        figures.put("p95_ms", measurement.p95Ms());
        figures.put("p99_ms", measurement.p99Ms());
        return figures;
    }

    private Map<String, Object> machine() throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", cores);
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown"));
        machine.put("memory_mib", Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(0L));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("load_average_start", ProcessCpu.loadAverage());
        return machine;
    }

    private static String randomBase64Key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteTree(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
    }
}
