package dev.paygate.faults;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The rounds of the local cluster. Each round runs the cluster's own driver (deploy/local-cluster/ClusterDriver.java:
 * wallet and card payments through the balancer), pays the round's scheduled payments of the run's customers
 * beside it, confirms one ticket from both fronts at once, has one order redelivered by the broker after it was
 * decided, kills the round's part with SIGKILL mid-load and starts it again; then every payment must end final,
 * a top-up form sent twice must top up once, and the checker runs.
 */
final class ClusterRounds {

    static final String TWO_FRONTS = "the same ticket confirmed from two fronts";
    /** The cluster driver's load per round: a steady rate, so the kill falls inside it. */
    static final int DRIVER_PAYMENTS = 12;
    static final double DRIVER_PAYMENTS_PER_SECOND = 2;
    private static final int DRIVER_IN_FLIGHT_MAX = 16;
    /**
     * After a round's load, how long every payment has to end final: a restart under load (up to a few minutes
     * here), then the units' bound (reply wait, recovery, card timeout, unsent entries closed: about 15 s).
     */
    static final Duration FINAL_WAIT = Duration.ofMinutes(4);
    private static final Duration DRIVER_EXIT_MARGIN = Duration.ofMinutes(2);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(30);
    private static final String MERCHANT = "demo-shop";
    private static final Path MERCHANT_KEY = Path.of("config/demo-shop/merchant-key.jwk.json");

    /** What the run does after a round: the checker, with a name for the log. */
    @FunctionalInterface
    interface Check {
        void after(String when) throws Exception;
    }

    private final Path repositoryRoot;
    private final LocalCluster cluster;
    private final Path java;
    private final Path runDirectory;
    private final ExecutorService browsers;
    private final Findings findings;
    private final Payments payments;
    private final Replays replays;
    private Merchant merchant;

    ClusterRounds(Path repositoryRoot, LocalCluster cluster, Path java, Path runDirectory, ExecutorService browsers,
                  Findings findings, Payments payments, Replays replays) {
        this.repositoryRoot = repositoryRoot;
        this.cluster = cluster;
        this.java = java;
        this.runDirectory = runDirectory;
        this.browsers = browsers;
        this.findings = findings;
        this.payments = payments;
        this.replays = replays;
    }

    void run(List<Schedule.ClusterRound> rounds, Check check) throws Exception {
        merchant = new Merchant(MERCHANT, OctetKeyPair.parse(Files.readString(repositoryRoot.resolve(MERCHANT_KEY))),
                cluster.balancer(), URI.create("http://shop.faults.invalid"), null);
        try (Redelivery redelivery = new Redelivery(cluster.brokerUrl(), cluster.brokerUser(), cluster.brokerPassword())) {
            for (Schedule.ClusterRound round : rounds) {
                runRound(round, redelivery);
                check.after("cluster round " + round.number() + " (kill -9 of " + round.target() + ")");
            }
        }
    }

    private void runRound(Schedule.ClusterRound round, Redelivery redelivery) throws Exception {
        URI balancer = cluster.balancer();
        Path results = runDirectory.resolve("driver-round-" + round.number() + ".txt");
        Process driver = startDriver(round, results);
        List<Future<?>> inFlight = new ArrayList<>();
        for (Schedule.Payment payment : round.payments()) {
            ClientView view = payments.newTicket(merchant, payment.kind(), payment.amountMinor());
            findings.injected(payment.kind().name());
            inFlight.add(payments.payLater(balancer, view));
        }
        ClientView twoFronts = payments.newTicket(merchant, PaymentKind.WALLET, PaymentKind.WALLET.amountMinMinor());
        findings.injected(TWO_FRONTS);
        inFlight.add(browsers.submit(() -> payments.payFromEach(cluster.fronts(), twoFronts)));
        ClientView redelivered = payments.newTicket(merchant, PaymentKind.WALLET, PaymentKind.WALLET.amountMinMinor() + 1);
        Redelivery.Interception interception = redelivery.intercept(redelivered.ticketId());
        Future<String> redeliveryDone = browsers.submit(() -> interception.decideCopyThenRedeliver(cluster.database()));
        inFlight.add(payments.payLater(balancer, redelivered));

        Thread.sleep(round.killDelayMs());
        cluster.kill(round.target());
        findings.injected("kill -9 of " + round.target().replaceAll("\\d$", "") + " (cluster)");
        cluster.restart(round.target());

        String redeliveryOutcome;
        try {
            redeliveryOutcome = redeliveryDone.get();
        } catch (ExecutionException brokerFailedOver) {
            // The run's own session can lose its transaction when the live broker is the part killed: the broker
            // redelivers the order all the same, but this round counts no injected redelivery.
            redeliveryOutcome = "";
            System.out.println("faults: cluster round " + round.number() + ": the run's hold on the order of "
                    + redelivered.ticketId() + " ended early: " + brokerFailedOver.getCause());
        }
        if (redeliveryOutcome.isEmpty()) {
            System.out.println("faults: cluster round " + round.number() + ": the order of " + redelivered.ticketId()
                    + " did not come to the run's consumer; no redelivery this round");
        } else {
            findings.injected(Redelivery.INJECTED);
            System.out.println("faults: cluster round " + round.number() + ": " + redeliveryOutcome);
        }
        for (Future<?> payment : inFlight) {
            payment.get();
        }
        if (!driver.waitFor(FINAL_WAIT.plus(DRIVER_EXIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
            driver.destroyForcibly();
            findings.failure("the cluster driver of round " + round.number() + " did not end in time");
        }
        payments.settle(balancer, Instant.now().plus(SETTLE_BOUND));
        int driverTickets = recordDriverResults(results);
        replays.topUpTwiceWithOneKey(balancer, cluster.database(), PaymentKind.CARD_APPROVES.customerId(),
                PaymentKind.CARD_APPROVES.password(), 100 + round.number() * 11L);
        System.out.println("faults: cluster round " + round.number() + ": killed " + round.target() + " after "
                + round.killDelayMs() + " ms; driver tickets " + driverTickets + ", own " + (round.payments().size() + 2));
    }

    private Process startDriver(Schedule.ClusterRound round, Path results) throws Exception {
        List<String> command = new ArrayList<>(cluster.driverCommand(java));
        command.addAll(List.of(cluster.balancer().toString(), repositoryRoot.resolve(MERCHANT_KEY).toString(),
                cluster.driverCustomerPrefix(),
                Integer.toString(cluster.driverCustomers()), cluster.driverCustomerPassword(),
                Integer.toString(DRIVER_PAYMENTS), Double.toString(DRIVER_PAYMENTS_PER_SECOND),
                Integer.toString(DRIVER_IN_FLIGHT_MAX), results.toString(),
                runDirectory.resolve("driver-progress.txt").toString(), Long.toString(FINAL_WAIT.toSeconds())));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDirectory.resolve("driver.log").toFile())).start();
    }

    /**
     * What the cluster driver's customers were told, one line per ticket
     * ({@code ticketId outcome path registerSerial voucherId front amountMinor}), as views for the checker; its
     * vouchers and refusals were verified by the driver.
     */
    private int recordDriverResults(Path results) throws IOException {
        if (!Files.exists(results)) {
            findings.failure("the cluster driver wrote no results to " + results);
            return 0;
        }
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] columns = line.split(" ");
            long amountMinor = Long.parseLong(columns[6]);
            ClientView view = new ClientView(columns[0], amountMinor <= PaymentKind.WALLET.amountMaxMinor()
                    ? PaymentKind.WALLET : PaymentKind.CARD_APPROVES, amountMinor, null);
            switch (columns[1]) {
                case "approved" -> view.approved(columns[4], null);
                case "refused" -> view.refused(columns[2]);
                default -> {
                    // Not final for its customer when the driver's wait ran out: the checker counts it undecided.
                }
            }
            payments.record(view);
        }
        return lines.size();
    }
}
