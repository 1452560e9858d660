package dev.paygate.faults;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.TokenRejectedException;
import dev.paygate.merchant.ticket.Ticket;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./faults}: the seeded fault run. Starts the packaged gateway on its own data directory, drives wallet
 * and card payments over HTTP as merchant and browser, kills the gateway with SIGKILL while they are in flight,
 * restarts it on the same directory, and after every restart checks what the client saw against the register
 * and the ledger. Ends with the probes, the PAN sweep and the summary line. See docs/RELIABILITY.md.
 */
public final class FaultRun {

    static final int QUICK_ROUNDS = 3;
    static final int FULL_ROUNDS = 30;
    static final int PARALLEL_CONFIRMS = 10;
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    // Short waits, so the bound of docs/front-unit.md "Every payment ends final" is short too.
    static final long REPLY_TIMEOUT_MS = 5_000;
    static final long RECOVERY_INTERVAL_MS = 1_000;
    static final long CARD_TIMEOUT_MS = 2_000;
    static final long UNSENT_CLOSE_AFTER_MS = 5_000;
    static final long UNSENT_POLL_INTERVAL_MS = 1_000;
    /** Reply wait + 2 recovery intervals + the card timeout, plus the closing of an unsent card entry. */
    static final Duration DECISION_BOUND = Duration.ofMillis(REPLY_TIMEOUT_MS + 2 * RECOVERY_INTERVAL_MS
            + CARD_TIMEOUT_MS + UNSENT_CLOSE_AFTER_MS + UNSENT_POLL_INTERVAL_MS);
    private static final Duration STATUS_LOOK_INTERVAL = Duration.ofSeconds(1);
    private static final long SEEDED_WALLET_MINOR = 50_000;
    private static final String OPERATOR_USERNAME = "faults";

    private final Path repositoryRoot;
    private final Path workDirectory;
    private final Schedule schedule;
    private final Map<String, ClientView> views = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, String> compactTickets = new ConcurrentHashMap<>();
    private final Map<String, Checker.Finding> findings = new LinkedHashMap<>();
    private final Map<PaymentKind, Integer> faultsInjected = new EnumMap<>(PaymentKind.class);
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private final List<String> otherFailures = new ArrayList<>();
    private final ExecutorService browsers = Executors.newCachedThreadPool();
    private URI gateway;
    private Path pages;
    private Merchant merchant;
    private int kills;
    private int refundReplays;

    FaultRun(Path repositoryRoot, Path workDirectory, Schedule schedule) {
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.schedule = schedule;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        long seed = new SecureRandom().nextLong();
        Integer rounds = null;
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--repository-root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: ./faults [--quick] [--seed N] [--rounds N]");
                    System.exit(2);
                }
            }
        }
        int roundCount = rounds != null ? rounds : quick ? QUICK_ROUNDS : FULL_ROUNDS;
        System.out.println("faults: seed " + seed + " rounds " + roundCount + " (repeat with --seed " + seed + ")");
        Schedule schedule = Schedule.of(seed, roundCount);
        System.exit(new FaultRun(root, root.resolve("fault-suite/target/run"), schedule).run());
    }

    int run() throws Exception {
        deleteRecursively(workDirectory);
        Path data = Files.createDirectories(workDirectory.resolve("data"));
        Path logs = Files.createDirectories(workDirectory.resolve("logs"));
        pages = Files.createDirectories(workDirectory.resolve("pages"));
        Path config = copyConfigWithRunCustomers();
        Path jar = repositoryRoot.resolve("gateway/target/paygate-gateway.jar");
        String operatorPassword = randomSecret();
        int[] ports = freeLoopbackPorts(5);
        gateway = URI.create("http://127.0.0.1:" + ports[0]);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + ports[0],
                "--paygate.data-directory=" + data, "--paygate.config-directory=" + config,
                "--paygate.card.networks.cardnet-a.port=" + ports[1], "--paygate.card.networks.cardnet-b.port=" + ports[2],
                "--paygate.embedded.postgres-port=" + ports[3],
                "--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS,
                "--paygate.handover.recovery-interval-ms=" + RECOVERY_INTERVAL_MS,
                "--paygate.card.networks.cardnet-a.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.networks.cardnet-b.timeout-ms=" + CARD_TIMEOUT_MS,
                "--paygate.card.unsent.close-after-ms=" + UNSENT_CLOSE_AFTER_MS,
                "--paygate.card.unsent.poll-interval-ms=" + UNSENT_POLL_INTERVAL_MS,
                "--paygate.operator.accounts[0].username=" + OPERATOR_USERNAME,
                "--paygate.operator.accounts[0].password-hash=" + operatorPasswordHash(java, jar, operatorPassword));
        System.out.println("faults: bound for a final answer " + DECISION_BOUND.toMillis() + " ms; work in " + workDirectory);

        int crashes;
        List<PanSweep.Hit> pans;
        Probes probes;
        try (GatewayProcess process = new GatewayProcess(command, repositoryRoot, logs, gateway.resolve("/actuator/health"))) {
            process.start(STARTUP_TIMEOUT);
            JsonHttp operator = new JsonHttp(gateway, OPERATOR_USERNAME, operatorPassword);
            merchant = enrollMerchant(operator, "faults-shop", "FAULTS01");
            Merchant otherMerchant = enrollMerchant(operator, "faults-other", "FAULTS02");
            probes = new Probes(gateway, pages, merchant, otherMerchant, operator);

            for (Schedule.Round round : schedule.rounds()) {
                runRound(round, process);
                check(operator, "round " + round.number());
            }
            runProbes(probes);
            check(operator, "end");
            if (!process.stopGracefully()) {
                otherFailures.add("the gateway did not stop within its grace time after SIGTERM");
            }
            crashes = process.crashes();
        } catch (IllegalStateException gatewayDidNotStart) {
            System.out.println("faults: " + gatewayDidNotStart.getMessage());
            crashes = 1;
            probes = null;
        } finally {
            browsers.shutdownNow();
        }
        pans = PanSweep.sweep(List.of(data, logs, pages));
        pans.forEach(hit -> System.out.println("faults: PAN found: " + hit));
        return report(crashes, pans.size(), probes);
    }

    private void runRound(Schedule.Round round, GatewayProcess process) throws Exception {
        List<Future<?>> inFlight = new ArrayList<>();
        List<ClientView> roundViews = new ArrayList<>();
        for (Schedule.Payment payment : round.payments()) {
            Ticket ticket = merchant.ticket(payment.amountMinor(), Ticket.DEFAULT_VALIDITY);
            String compact = merchant.sign(ticket);
            ClientView view = new ClientView(ticket.ticketId(), payment.kind(), payment.amountMinor());
            views.put(ticket.ticketId(), view);
            tickets.put(ticket.ticketId(), ticket);
            compactTickets.put(ticket.ticketId(), compact);
            roundViews.add(view);
            faultsInjected.merge(payment.kind(), 1, Integer::sum);
            inFlight.add(browsers.submit(() -> pay(view)));
        }
        Thread.sleep(round.killDelayMs());
        process.killHard();
        kills++;
        for (Future<?> payment : inFlight) {
            payment.get();
        }
        process.start(STARTUP_TIMEOUT);
        settle(Instant.now().plus(DECISION_BOUND));
        refundTwiceWithOneKey(roundViews);
        System.out.println("faults: round " + round.number() + ": " + round.payments().size() + " payments, killed after "
                + round.killDelayMs() + " ms, " + roundViews.stream().filter(ClientView::isFinal).count() + " final");
    }

    /** As a customer: open the payment page, fill in who pays, Confirm (ten times at once for PARALLEL_CONFIRMS). */
    private void pay(ClientView view) {
        Browser browser = new Browser(pages);
        String compact = compactTickets.get(view.ticketId());
        try {
            Browser.Page page = browser.get(merchant.payUrl(compact));
            if (page.status() != 200) {
                merchant.record(page, tickets.get(view.ticketId()), view);
                return;
            }
            Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
            form.put("customerId", view.kind().customerId());
            form.put("password", view.kind().password());
            int posts = view.kind() == PaymentKind.PARALLEL_CONFIRMS ? PARALLEL_CONFIRMS : 1;
            List<Future<?>> confirms = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                confirms.add(browsers.submit(() -> {
                    confirm(browser, form, view);
                    return null;
                }));
            }
            for (Future<?> confirm : confirms) {
                confirm.get();
            }
        } catch (IOException gatewayKilled) {
            // The answer is lost with the gateway; settle() asks for it after the restart.
        } catch (TokenRejectedException unverifiable) {
            finding("lost", view.ticketId(), "an answer did not verify (" + unverifiable.code() + "): " + view);
        } catch (Exception e) {
            otherFailures.add("payment " + view.ticketId() + ": " + e);
        }
    }

    private void confirm(Browser browser, Map<String, String> form, ClientView view) throws Exception {
        try {
            merchant.record(browser.postForm(gateway.resolve("/pay/confirm"), form, Map.of()),
                    tickets.get(view.ticketId()), view);
        } catch (IOException gatewayKilled) {
            // Told nothing: settle() asks after the restart.
        }
    }

    /**
     * After a restart: asks for every ticket without a final answer, as the pending page does, until all are
     * final or the bound has passed. A ticket the gateway never saw (killed before the page was served) is paid
     * again from the start, as a customer would.
     */
    private void settle(Instant deadline) throws Exception {
        Set<String> paidAgain = ConcurrentHashMap.newKeySet();
        while (true) {
            List<ClientView> open = views.values().stream().filter(view -> !view.isFinal()).toList();
            for (ClientView view : open) {
                try {
                    Browser.Page page = new Browser(pages).get(gateway.resolve("/pay/status/" + view.ticketId()));
                    if (page.status() == 404 && paidAgain.add(view.ticketId())) {
                        pay(view);
                    } else {
                        merchant.record(page, tickets.get(view.ticketId()), view);
                    }
                } catch (TokenRejectedException unverifiable) {
                    finding("lost", view.ticketId(), "an answer did not verify (" + unverifiable.code() + "): " + view);
                }
            }
            if (open.isEmpty() || Instant.now().isAfter(deadline)) {
                return;
            }
            Thread.sleep(STATUS_LOOK_INTERVAL);
        }
    }

    /**
     * A refund repeated with its idempotency key answers the first refund; the key with another amount is a clear
     * 409 {@code idempotency_conflict}, not a second refund.
     */
    private void refundTwiceWithOneKey(List<ClientView> roundViews) throws Exception {
        ClientView paid = roundViews.stream()
                .filter(view -> view.kind() == PaymentKind.WALLET && view.outcome() == ClientView.Outcome.APPROVED)
                .filter(view -> refunded.add(view.ticketId())).findFirst().orElse(null);
        if (paid == null) {
            return;
        }
        String key = "refund-" + paid.ticketId();
        JsonHttp.Answer first = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 1, key));
        JsonHttp.Answer again = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 1, key));
        JsonHttp.Answer otherBody = merchant.api().post("/api/v1/merchants/me/refunds", refundJson(paid, 2, key));
        refundReplays++;
        Object firstId = first.body().get("refundId");
        if (first.status() != 201 || again.status() != 200 || firstId == null || !firstId.equals(again.body().get("refundId"))) {
            finding("duplicated", "refund:" + key, "refund replayed with its key answered " + first.status() + "/"
                    + again.status() + " " + again.reason() + " instead of 201 then 200 with the same refund");
        }
        if (otherBody.status() != 409 || !"idempotency_conflict".equals(otherBody.reason())) {
            finding("duplicated", "refund:" + key, "refund key reused with another amount answered " + otherBody.status()
                    + " " + otherBody.reason() + " instead of 409 idempotency_conflict");
        }
    }

    private static String refundJson(ClientView paid, long amountMinor, String key) {
        return "{\"ticketId\":" + JsonHttp.quoted(paid.ticketId()) + ",\"amountMinor\":" + amountMinor
                + ",\"idempotencyKey\":" + JsonHttp.quoted(key) + "}";
    }

    /** The probes, on a wallet payment made just before: its voucher is fresh, so a replay is one. */
    private void runProbes(Probes probes) throws Exception {
        Ticket ticket = merchant.ticket(PaymentKind.WALLET.amountMinMinor(), Ticket.DEFAULT_VALIDITY);
        ClientView paid = new ClientView(ticket.ticketId(), PaymentKind.WALLET, ticket.amountMinor());
        views.put(ticket.ticketId(), paid);
        tickets.put(ticket.ticketId(), ticket);
        compactTickets.put(ticket.ticketId(), merchant.sign(ticket));
        pay(paid);
        if (paid.outcome() != ClientView.Outcome.APPROVED) {
            otherFailures.add("the probes' wallet payment was not approved: " + paid);
            return;
        }
        probes.runAll(ticket, compactTickets.get(ticket.ticketId()), paid.voucherIds().iterator().next(),
                paid.firstVoucher(), paid.kind(), "f-wallet-2", PaymentKind.passwordOf("f-wallet-2"));
    }

    private void check(JsonHttp operator, String when) throws Exception {
        JsonHttp.Answer invariants = operator.get("/api/v1/operator/invariants");
        List<String> violations = invariants.status() == 200 ? List.of()
                : List.of("HTTP " + invariants.status() + " " + invariants.body());
        Checker.Result result = Checker.check(views.values(), merchant.register(), violations);
        result.findings().forEach(finding -> finding(finding.kind(), finding.subject(), finding.detail()));
        // Cumulative, so an interrupted run still says how far it got and what it had injected.
        System.out.println("faults: check after " + when + ": " + views.size() + " tickets, lost " + result.lost()
                + " created " + result.created() + " duplicated " + result.duplicated() + " undecided " + result.undecided()
                + "; injected so far: kill -9 " + kills + ", " + faultsInjected);
    }

    private void finding(String kind, String subject, String detail) {
        synchronized (findings) {
            if (findings.putIfAbsent(kind + ":" + subject, new Checker.Finding(kind, subject, detail)) == null) {
                System.out.println("faults: FINDING " + kind + ": " + detail);
            }
        }
    }

    private int report(int crashes, int pans, Probes probes) {
        Checker.Result total;
        synchronized (findings) {
            total = Checker.Result.of(findings.values());
        }
        System.out.println("faults: faults injected: kill -9 " + kills + ", " + faultsInjected
                + ", refunds replayed with one key " + refundReplays);
        if (probes != null) {
            System.out.println("faults: probes run " + probes.probesRun() + ", failed " + probes.failures().size());
            probes.failures().forEach(failure -> otherFailures.add("probe: " + failure));
        }
        otherFailures.forEach(failure -> System.out.println("faults: FAILED " + failure));
        System.out.println("faults: rounds " + kills + " payments " + views.size() + " lost " + total.lost()
                + " created " + total.created() + " duplicated " + total.duplicated() + " undecided " + total.undecided()
                + " crashes " + crashes + " pans " + pans);
        boolean clean = total.lost() == 0 && total.created() == 0 && total.duplicated() == 0 && total.undecided() == 0
                && crashes == 0 && pans == 0 && otherFailures.isEmpty();
        return clean ? 0 : 1;
    }

    private Merchant enrollMerchant(JsonHttp operator, String merchantId, String terminalId) throws Exception {
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
                apiKey.get("keyId").toString(), apiKey.get("secret").toString());
    }

    /** The repository's config/ with the run's customers added to the seed: one per card behaviour, wallets funded. */
    private Path copyConfigWithRunCustomers() throws IOException {
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
        StringBuilder customers = new StringBuilder("\n");
        Map<String, String> cardByCustomer = new LinkedHashMap<>();
        for (PaymentKind kind : PaymentKind.values()) {
            cardByCustomer.putIfAbsent(kind.customerId(), kind.cardPan());
        }
        cardByCustomer.put("f-wallet-2", null);
        cardByCustomer.put("f-brute", null);
        cardByCustomer.forEach((customerId, pan) -> {
            customers.append("    - id: ").append(customerId).append('\n')
                    .append("      name: Faults ").append(customerId).append('\n')
                    .append("      password: ").append(PaymentKind.passwordOf(customerId)).append('\n')
                    .append("      currency: EUR\n")
                    .append("      wallet-cap-minor: ").append(SEEDED_WALLET_MINOR).append('\n')
                    .append("      opening-balance-minor: ").append(pan == null ? SEEDED_WALLET_MINOR : 0).append('\n');
            if (pan != null) {
                customers.append("      card-pan: \"").append(pan).append("\"\n").append("      card-expiry: 2049-12\n");
            }
        });
        Files.writeString(target.resolve("seed/demo.yml"), customers.toString(), StandardCharsets.UTF_8,
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

    private static String randomSecret() {
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
