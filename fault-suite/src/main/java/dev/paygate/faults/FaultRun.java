package dev.paygate.faults;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./faults}: the seeded fault run. Starts the packaged gateway on its own data directory (the bank
 * simulator as a process of its own), drives wallet and card payments over HTTP as merchant and browser, kills
 * the gateway with SIGKILL while they are in flight, restarts it on the same directory, and after every restart
 * checks what the client saw against the register, the ledger, the issuer's journal and the reversal queue. Ends
 * with the probes, the PAN sweep and the summary line. See docs/RELIABILITY.md.
 */
public final class FaultRun {

    static final int QUICK_ROUNDS = 3;
    static final int FULL_ROUNDS = 30;
    /**
     * Every four rounds kill each of a back, a front, the live broker and the database once. A quick run leaves the
     * cluster out: starting it alone takes 4 to 7 minutes on this machine (--cluster-rounds 4 adds it).
     */
    static final int QUICK_CLUSTER_ROUNDS = 0;
    static final int FULL_CLUSTER_ROUNDS = 8;
    static final String KILL_OF_THE_GATEWAY = "kill -9 of the embedded gateway";
    /** From this many rounds on, a run without the JVM's AOT cache for the gateway jar makes one first (a start). */
    static final int AOT_TRAINING_ROUNDS_MIN = 10;
    /** After the last round, how long reversals still due get to be acknowledged before the final check. */
    static final Duration REVERSALS_BOUND = Duration.ofSeconds(60);
    private static final Duration REVERSALS_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The customer with an always-approving card and an empty wallet: the top-up replays are theirs. */
    private static final PaymentKind TOP_UP_PAYER = PaymentKind.CARD_APPROVES;

    private final Path repositoryRoot;
    private final Path workDirectory;
    private final Schedule schedule;
    private final Findings findings = new Findings();
    private final ExecutorService browsers = Executors.newCachedThreadPool();
    private final List<Payments> paymentsOfEveryTarget = new ArrayList<>();
    private Path pages;

    FaultRun(Path repositoryRoot, Path workDirectory, Schedule schedule) {
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.schedule = schedule;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        long seed = new SecureRandom().nextLong();
        Integer rounds = null;
        Integer clusterRounds = null;
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cluster-rounds" -> clusterRounds = Integer.parseInt(args[++i]);
                case "--repository-root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: ./faults [--quick] [--seed N] [--rounds N] [--cluster-rounds N]");
                    System.exit(2);
                }
            }
        }
        int roundCount = rounds != null ? rounds : quick ? QUICK_ROUNDS : FULL_ROUNDS;
        int clusterRoundCount = clusterRounds != null ? clusterRounds : quick ? QUICK_CLUSTER_ROUNDS : FULL_CLUSTER_ROUNDS;
        System.out.println("faults: seed " + seed + " rounds " + roundCount + " cluster rounds " + clusterRoundCount
                + " (repeat with --seed " + seed + ")");
        Schedule schedule = Schedule.of(seed, roundCount, clusterRoundCount);
        System.exit(new FaultRun(root, root.resolve("fault-suite/target/run"), schedule).run());
    }

    int run() throws Exception {
        deleteRecursively(workDirectory);
        pages = Files.createDirectories(workDirectory.resolve("pages"));
        List<Path> swept = new ArrayList<>(List.of(pages));
        int crashes;
        Probes probes = null;
        try {
            EmbeddedGateway gateway = new EmbeddedGateway(repositoryRoot, workDirectory.resolve("embedded"));
            swept.addAll(gateway.sweptDirectories());
            try (gateway) {
                probes = runEmbedded(gateway);
                if (!gateway.stopGracefully()) {
                    findings.failure("the gateway did not stop within its grace time after SIGTERM");
                }
            } catch (IllegalStateException gatewayDidNotStart) {
                System.out.println("faults: " + gatewayDidNotStart.getMessage());
            }
            crashes = gateway.crashes();
            crashes += runClusterIfThere(swept);
        } finally {
            browsers.shutdownNow();
        }
        List<PanSweep.Hit> pans = PanSweep.sweep(swept);
        pans.forEach(hit -> System.out.println("faults: PAN found: " + hit));
        return report(crashes, pans.size(), probes);
    }

    /**
     * The rounds of the local cluster, where it can run here: started with the run's customers and short waits,
     * killed and restarted part by part, checked after every restart and once reversals are due, stopped.
     *
     * @return crashes: a part that did not start or come back
     */
    private int runClusterIfThere(List<Path> swept) throws Exception {
        if (schedule.clusterRounds().isEmpty()) {
            return 0;
        }
        String missing = LocalCluster.missingPrerequisite();
        if (missing != null) {
            System.out.println("faults: no local cluster on this machine (" + missing + "): its rounds are left out");
            return 0;
        }
        Path clusterRun = Files.createDirectories(workDirectory.resolve("cluster"));
        LocalCluster cluster = new LocalCluster(repositoryRoot, clusterRun.resolve("cluster.log"));
        System.out.println("faults: local cluster: starting it (log " + clusterRun.resolve("cluster.log") + ")");
        int crashes = 0;
        try (cluster) {
            cluster.start(RunCustomers.seedYaml(), LocalCluster.unitArguments());
            Payments payments = new Payments(pages, browsers, findings);
            paymentsOfEveryTarget.add(payments);
            new ClusterRounds(repositoryRoot, cluster, Path.of(System.getProperty("java.home"), "bin", "java"), clusterRun,
                    browsers, findings, payments, new Replays(pages, findings))
                    .run(schedule.clusterRounds(), when -> check(payments, cluster.database(), cluster.simulatorLog(),
                            cluster.ledgerViolations(), when, false));
            awaitReversals(cluster.database());
            check(payments, cluster.database(), cluster.simulatorLog(), cluster.ledgerViolations(),
                    "the cluster's last round", true);
        } catch (IllegalStateException partDidNotServe) {
            System.out.println("faults: " + partDidNotServe.getMessage());
            crashes++;
        }
        swept.addAll(cluster.sweptDirectories());
        return crashes;
    }

    /** The kill rounds of the embedded gateway, the probes, and the final check once reversals are due. */
    private Probes runEmbedded(EmbeddedGateway gateway) throws Exception {
        System.out.println("faults: embedded gateway: bound for a final answer " + EmbeddedGateway.DECISION_BOUND.toMillis()
                + " ms; work in " + workDirectory);
        gateway.start(schedule.rounds().size() >= AOT_TRAINING_ROUNDS_MIN);
        JsonHttp operator = gateway.operator();
        Merchant merchant = enrollMerchant(operator, gateway.entry(), "faults-shop", "FAULTS01");
        Merchant otherMerchant = enrollMerchant(operator, gateway.entry(), "faults-other", "FAULTS02");
        Payments payments = new Payments(pages, browsers, findings);
        paymentsOfEveryTarget.add(payments);
        Replays replays = new Replays(pages, findings);
        Probes probes = new Probes(gateway.entry(), pages, merchant, otherMerchant, operator, gateway.database());
        for (Schedule.Round round : schedule.rounds()) {
            runRound(round, gateway, payments, merchant, replays);
            check(payments, gateway.database(), gateway.simulatorLog(), ledgerViolations(operator), "round " + round.number(),
                    false);
        }
        runProbes(probes, payments, merchant, gateway.entry());
        awaitReversals(gateway.database());
        check(payments, gateway.database(), gateway.simulatorLog(), ledgerViolations(operator),
                "the embedded gateway's last round", true);
        return probes;
    }

    private void runRound(Schedule.Round round, EmbeddedGateway gateway, Payments payments, Merchant merchant,
                          Replays replays) throws Exception {
        List<Future<?>> inFlight = new ArrayList<>();
        List<ClientView> roundViews = new ArrayList<>();
        for (Schedule.Payment payment : round.payments()) {
            ClientView view = payments.newTicket(merchant, payment.kind(), payment.amountMinor());
            roundViews.add(view);
            findings.injected(payment.kind().name());
            inFlight.add(payments.payLater(gateway.entry(), view));
        }
        Thread.sleep(round.killDelayMs());
        gateway.killHard();
        findings.injected(KILL_OF_THE_GATEWAY);
        for (Future<?> payment : inFlight) {
            payment.get();
        }
        gateway.restart();
        payments.settle(gateway.entry(), Instant.now().plus(EmbeddedGateway.DECISION_BOUND));
        ClientView paidByWallet = roundViews.stream()
                .filter(view -> view.kind() == PaymentKind.WALLET && view.outcome() == ClientView.Outcome.APPROVED)
                .findFirst().orElse(null);
        if (paidByWallet != null) {
            replays.refundTwiceWithOneKey(merchant, paidByWallet);
        }
        replays.topUpTwiceWithOneKey(gateway.entry(), gateway.database(), TOP_UP_PAYER.customerId(),
                TOP_UP_PAYER.password(), topUpMinor(round));
        System.out.println("faults: round " + round.number() + ": " + round.payments().size() + " payments, killed after "
                + round.killDelayMs() + " ms, " + roundViews.stream().filter(ClientView::isFinal).count() + " final");
    }

    /** Top-ups of 1.00 to 9.99, different each round, well under the payer's wallet cap over a full run. */
    private static long topUpMinor(Schedule.Round round) {
        return 100 + (round.number() * 337L) % 900;
    }

    /** The probes, on a wallet payment made just before: its voucher is fresh, so a replay is one. */
    private void runProbes(Probes probes, Payments payments, Merchant merchant, URI entry) throws Exception {
        ClientView paid = payments.newTicket(merchant, PaymentKind.WALLET, PaymentKind.WALLET.amountMinMinor());
        payments.pay(entry, paid);
        if (paid.outcome() != ClientView.Outcome.APPROVED) {
            findings.failure("the probes' wallet payment was not approved: " + paid);
            return;
        }
        probes.runAll(payments.ticket(paid), payments.compactTicket(paid), paid.voucherIds().iterator().next(),
                paid.firstVoucher(), paid.kind(), RunCustomers.OTHER_WALLET_PAYER,
                PaymentKind.passwordOf(RunCustomers.OTHER_WALLET_PAYER));
    }

    private static List<String> ledgerViolations(JsonHttp operator) throws Exception {
        JsonHttp.Answer invariants = operator.get("/api/v1/operator/invariants");
        return invariants.status() == 200 ? List.of() : List.of("HTTP " + invariants.status() + " " + invariants.body());
    }

    /** Waits, bounded, until no reversal is held or pending any more: the final check then counts what is left. */
    private static void awaitReversals(Database database) throws Exception {
        Instant deadline = Instant.now().plus(REVERSALS_BOUND);
        while (Instant.now().isBefore(deadline)
                && !database.reversals().stream().allMatch(reversal -> reversal.settled()
                        || reversal.status().equals("ABANDONED"))) {
            Thread.sleep(REVERSALS_POLL_INTERVAL);
        }
    }

    /**
     * What the client saw against the register and the ledger, and what the issuer booked against the register
     * and the reversal queue, each read from where it lives. Prints the cumulative counts.
     */
    private void check(Payments payments, Database database, Path simulatorLog, List<String> ledgerViolations,
                       String when, boolean reversalsDue) throws Exception {
        List<RegisterEntry> register = database.register();
        Checker.Result client = Checker.check(payments.views(), register, ledgerViolations);
        findings.addAll(client.findings());
        IssuerCheck.Result issuer = IssuerCheck.check(register, database.reversals(), database.creditedTopUps(),
                IssuerBookings.read(simulatorLog), reversalsDue);
        findings.addAll(issuer.findings());
        Checker.Result total = findings.result();
        System.out.println("faults: check after " + when + ": " + payments.count() + " tickets; issuer bookings "
                + issuer.bookings() + " (undone " + issuer.bookingsUndone() + "), timed-out card payments "
                + issuer.timeouts() + ", reversals acknowledged " + issuer.reversalsAcknowledged() + "; lost "
                + total.lost() + " created " + total.created() + " duplicated " + total.duplicated() + " undecided "
                + total.undecided() + "; injected so far: " + findings.injectedByKind());
    }

    private int report(int crashes, int pans, Probes probes) {
        Checker.Result total = findings.result();
        Map<String, Integer> injected = findings.injectedByKind();
        System.out.println("faults: faults injected: " + injected);
        if (probes != null) {
            System.out.println("faults: probes run " + probes.probesRun() + ", failed " + probes.failures().size());
            probes.failures().forEach(failure -> findings.failure("probe: " + failure));
        }
        int rounds = injected.entrySet().stream().filter(kind -> kind.getKey().startsWith("kill -9"))
                .mapToInt(Map.Entry::getValue).sum();
        int paymentCount = paymentsOfEveryTarget.stream().mapToInt(Payments::count).sum();
        System.out.println("faults: rounds " + rounds + " payments " + paymentCount + " lost " + total.lost()
                + " created " + total.created() + " duplicated " + total.duplicated() + " undecided " + total.undecided()
                + " crashes " + crashes + " pans " + pans);
        boolean clean = total.lost() == 0 && total.created() == 0 && total.duplicated() == 0 && total.undecided() == 0
                && crashes == 0 && pans == 0 && findings.failures().isEmpty();
        return clean ? 0 : 1;
    }

    private static Merchant enrollMerchant(JsonHttp operator, URI gateway, String merchantId, String terminalId)
            throws Exception {
        OctetKeyPair key = Ed25519Keys.generate();
        String acceptorId = (terminalId + "0000000000000").substring(0, 15);
        JsonHttp.Answer enrolled = operator.post("/api/v1/operator/merchants", "{\"merchantId\":" + JsonHttp.quoted(merchantId)
                + ",\"name\":\"Faults " + merchantId + "\",\"mcc\":\"5999\",\"iban\":\"DE89370400440532013000\""
                + ",\"bic\":\"COBADEFFXXX\",\"terminalId\":" + JsonHttp.quoted(terminalId)
                + ",\"acceptorId\":" + JsonHttp.quoted(acceptorId)
                + ",\"acceptorNameLocation\":\"Faults shop              Berlin       DE\",\"currency\":\"EUR\""
                + ",\"publicJwk\":" + Ed25519Keys.publicJwkJson(key) + "}");
        if (enrolled.status() != 201) {
            throw new IllegalStateException("enrolling " + merchantId + " answered " + enrolled.status() + " " + enrolled.reason());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> apiKey = (Map<String, Object>) enrolled.body().get("apiKey");
        return new Merchant(merchantId, key, gateway, URI.create("http://shop.faults.invalid"),
                new JsonHttp(gateway, apiKey.get("keyId").toString(), apiKey.get("secret").toString()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
