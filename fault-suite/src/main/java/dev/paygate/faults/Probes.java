package dev.paygate.faults;

import dev.paygate.merchant.jose.TokenRejectedException;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.InMemoryReplayCache;
import dev.paygate.merchant.voucher.VoucherVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attacks a client can make without any fault in the system: tampered, expired and replayed tickets and
 * vouchers, reads of another merchant's or customer's voucher, password guessing, cross-site POSTs. Each probe
 * states what must happen; a failed probe is a finding.
 */
final class Probes {

    private static final String EVIL_ORIGIN = "https://evil.example";
    // A ticket signed 20 minutes ago and valid for 5: expired by 15 minutes, far beyond any clock skew.
    private static final Duration EXPIRED_TICKET_AGE = Duration.ofMinutes(20);
    private static final Duration EXPIRED_TICKET_VALIDITY = Duration.ofMinutes(5);
    // The front's lockout (paygate.front lockout, default 5 failures).
    private static final int WRONG_PASSWORDS_TO_LOCK = 5;

    private final URI gateway;
    private final Path pageDirectory;
    private final Merchant merchant;
    private final Merchant otherMerchant;
    private final JsonHttp operator;
    private final Database database;
    private final List<String> failures = new ArrayList<>();
    private int probesRun;

    Probes(URI gateway, Path pageDirectory, Merchant merchant, Merchant otherMerchant, JsonHttp operator,
           Database database) {
        this.gateway = gateway;
        this.pageDirectory = pageDirectory;
        this.merchant = merchant;
        this.otherMerchant = otherMerchant;
        this.operator = operator;
        this.database = database;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    int probesRun() {
        return probesRun;
    }

    /**
     * @param paid a wallet ticket approved just before (its voucher still fresh), paid by {@code payer}
     * @param otherCustomer a customer who did not pay it
     */
    void runAll(Ticket paid, String paidCompact, String paidVoucherId, String compactVoucher,
                PaymentKind payer, String otherCustomer, String otherPassword) throws Exception {
        tamperedTicketIsRefused();
        expiredTicketIsRefused();
        replayedTicketGetsTheFirstVoucher(paid, paidCompact, paidVoucherId, payer);
        tamperedExpiredAndReplayedVouchersAreRejected(paid, compactVoucher);
        otherMerchantCannotReadTheVoucher(paidVoucherId);
        otherCustomerCannotReadTheVoucher(paidVoucherId, payer, otherCustomer, otherPassword);
        // Before the guessing: its failures slow every sign-in from this source down, as they must.
        crossSitePostsAreRefused(otherCustomer, otherPassword);
        passwordGuessingLocksWithoutAnOracle();
    }

    private void tamperedTicketIsRefused() throws Exception {
        String compact = merchant.sign(merchant.ticket(500, Ticket.DEFAULT_VALIDITY));
        String[] parts = compact.split("\\.");
        // Another payload under the original signature: the price a browser would like to pay.
        String tampered = parts[0] + "." + merchant.sign(merchant.ticket(1, Ticket.DEFAULT_VALIDITY)).split("\\.")[1]
                + "." + parts[2];
        Browser.Page page = new Browser(pageDirectory).get(merchant.payUrl(tampered));
        expect("tampered ticket refused as bad_signature (400)",
                page.status() == 400 && page.reasonCode().filter("bad_signature"::equals).isPresent(), page);
    }

    private void expiredTicketIsRefused() throws Exception {
        Ticket expired = Ticket.simple(merchant.merchantId(), "expired-" + Long.toString(System.nanoTime(), 36)).amountMinor(500)
                .currency("EUR").serial("F-expired").returnUrl(gateway.resolve("/r")).cancelUrl(gateway.resolve("/c"))
                .issuedAt(Instant.now().minus(EXPIRED_TICKET_AGE)).validFor(EXPIRED_TICKET_VALIDITY).build();
        Browser.Page page = new Browser(pageDirectory).get(merchant.payUrl(merchant.sign(expired)));
        expect("expired ticket refused as ticket_expired (410)",
                page.status() == 410 && page.reasonCode().filter("ticket_expired"::equals).isPresent(), page);
    }

    private void replayedTicketGetsTheFirstVoucher(Ticket paid, String paidCompact, String paidVoucherId,
                                                   PaymentKind payer) throws Exception {
        ClientView replay = new ClientView(paid.ticketId(), payer, paid.amountMinor(), merchant);
        // A browser with a session and its form token, as one that had the page open before the payment.
        Browser browser = new Browser(pageDirectory);
        Map<String, String> form = new LinkedHashMap<>(browser.get(gateway.resolve("/account")).hiddenFields());
        form.putAll(Map.of("ticket", paidCompact, "customerId", payer.customerId(), "password", payer.password()));
        Browser.Page page = browser.postForm(gateway.resolve("/pay/confirm"), form, Map.of());
        merchant.record(page, paid, replay);
        expect("replayed ticket answers the first voucher, not a second payment",
                replay.voucherIds().equals(Set.of(paidVoucherId)), page);
    }

    private void tamperedExpiredAndReplayedVouchersAreRejected(Ticket paid, String compactVoucher) {
        VoucherVerifier strict = VoucherVerifier.builder(merchant.serverKeys()).build();
        String[] parts = compactVoucher.split("\\.");
        char last = parts[2].charAt(parts[2].length() / 2);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(parts[2].length() / 2 + 1);
        expectRejected("tampered voucher", () -> strict.verify(tampered, paid));
        VoucherVerifier later = VoucherVerifier.builder(merchant.serverKeys())
                .clock(Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC)).build();
        expectRejected("expired voucher", () -> later.verify(compactVoucher, paid));
        VoucherVerifier once = VoucherVerifier.builder(merchant.serverKeys()).replayCache(new InMemoryReplayCache()).build();
        try {
            once.verify(compactVoucher, paid);
        } catch (TokenRejectedException e) {
            fail("a genuine voucher was rejected: " + e.code());
        }
        expectRejected("replayed voucher", () -> once.verify(compactVoucher, paid));
    }

    private void otherMerchantCannotReadTheVoucher(String voucherId) throws Exception {
        JsonHttp.Answer own = merchant.api().get("/api/v1/vouchers/" + voucherId);
        JsonHttp.Answer other = otherMerchant.api().get("/api/v1/vouchers/" + voucherId);
        expect("own voucher readable (200), another merchant's not found (404), was " + own.status() + "/" + other.status(),
                own.status() == 200 && other.status() == 404, null);
    }

    private void otherCustomerCannotReadTheVoucher(String voucherId, PaymentKind payer, String otherCustomer,
                                                   String otherPassword) throws Exception {
        Browser.Page own = signedIn(payer.customerId(), payer.password())
                .get(gateway.resolve("/account/vouchers/" + voucherId));
        Browser.Page other = signedIn(otherCustomer, otherPassword).get(gateway.resolve("/account/vouchers/" + voucherId));
        expect("the payer reads the voucher (200), another customer not (404), was " + own.status() + "/"
                + other.status(), own.status() == 200 && other.status() == 404, null);
    }

    private void passwordGuessingLocksWithoutAnOracle() throws Exception {
        String customer = RunCustomers.PASSWORD_GUESSED;
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= WRONG_PASSWORDS_TO_LOCK; attempt++) {
            answers.add(confirmAs(customer, "wrong-guess-" + attempt));
        }
        String unknownCustomer = confirmAs("f-nobody-" + Long.toString(System.nanoTime(), 36), "wrong-guess");
        String rightPasswordAfterLock = confirmAs(customer, PaymentKind.passwordOf(customer));
        expect("wrong passwords answer 403 auth_failed, as for an unknown customer: " + answers + " / " + unknownCustomer,
                answers.stream().limit(WRONG_PASSWORDS_TO_LOCK - 1).allMatch("403 auth_failed"::equals)
                        && "403 auth_failed".equals(unknownCustomer), null);
        expect("after " + WRONG_PASSWORDS_TO_LOCK + " wrong passwords the right one is refused too: "
                + rightPasswordAfterLock, rightPasswordAfterLock.startsWith("403 ")
                && !rightPasswordAfterLock.endsWith("approved"), null);
        JsonHttp.Answer unlock = operator.post("/api/v1/operator/customers/" + customer + "/unlock", "");
        expect("operator unlocks the customer (200), was " + unlock.status(), unlock.status() == 200, null);
    }

    private void crossSitePostsAreRefused(String customer, String password) throws Exception {
        JsonHttp.Answer crossSiteUnlock = operator.postWithHeaders(
                "/api/v1/operator/customers/" + RunCustomers.PASSWORD_GUESSED + "/unlock", "",
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", EVIL_ORIGIN));
        expect("cross-site operator POST refused (403), was " + crossSiteUnlock.status(),
                crossSiteUnlock.status() == 403, null);
        Browser browser = signedIn(customer, password);
        Map<String, String> withoutToken = new LinkedHashMap<>(browser.get(gateway.resolve("/account")).hiddenFields());
        withoutToken.remove("csrf");
        withoutToken.remove("_csrf");
        withoutToken.put("amount", "1.00");
        Browser.Page topUp = browser.postForm(gateway.resolve("/account/top-up"), withoutToken,
                Map.of("Origin", EVIL_ORIGIN, "Sec-Fetch-Site", "cross-site"));
        expect("cross-site top-up without the form's token refused (403)", topUp.status() == 403, topUp);
        crossSiteConfirmIsRefusedAndPaysNothing(customer, password);
    }

    /**
     * Another site makes the customer's browser (which has the payment page open, so a session) post the confirm
     * form with the customer's credentials, as a phishing page that asked for them would, but without the form's
     * token, which it cannot read: refused, and nothing registered for the ticket.
     */
    private void crossSiteConfirmIsRefusedAndPaysNothing(String customer, String password) throws Exception {
        Ticket ticket = merchant.ticket(100, Ticket.DEFAULT_VALIDITY);
        String compact = merchant.sign(ticket);
        Browser browser = new Browser(pageDirectory);
        browser.get(merchant.payUrl(compact));
        Map<String, String> forged = new LinkedHashMap<>(Map.of("ticket", compact, "customerId", customer,
                "password", password));
        Browser.Page answer = browser.postForm(gateway.resolve("/pay/confirm"), forged,
                Map.of("Origin", EVIL_ORIGIN, "Sec-Fetch-Site", "cross-site"));
        boolean registered = database.register().stream().anyMatch(entry -> entry.ticketId().equals(ticket.ticketId()));
        expect("cross-site confirm without the form's token refused (403), nothing registered, was " + answer.status()
                + (registered ? ", registered" : ""), answer.status() == 403 && !registered, answer);
    }

    private Browser signedIn(String customer, String password) throws Exception {
        Browser browser = new Browser(pageDirectory);
        if (!browser.signIn(gateway, customer, password)) {
            fail("sign-in of " + customer + " was refused");
        }
        return browser;
    }

    /** Confirms a fresh small ticket as this customer; answers "status reason". */
    private String confirmAs(String customer, String password) throws Exception {
        Browser browser = new Browser(pageDirectory);
        String compact = merchant.sign(merchant.ticket(100, Ticket.DEFAULT_VALIDITY));
        Map<String, String> form = new LinkedHashMap<>(browser.get(merchant.payUrl(compact)).hiddenFields());
        form.put("customerId", customer);
        form.put("password", password);
        Browser.Page page = browser.postForm(gateway.resolve("/pay/confirm"), form, Map.of());
        if (page.location().filter(location -> location.contains("voucher=")).isPresent()) {
            return page.status() + " approved";
        }
        return page.status() + " " + page.reasonCode().orElse("?");
    }

    @FunctionalInterface
    private interface Verification {
        void run() throws TokenRejectedException;
    }

    private void expectRejected(String what, Verification verification) {
        probesRun++;
        try {
            verification.run();
            failures.add(what + " was accepted");
        } catch (TokenRejectedException expected) {
            System.out.println("probe ok: " + what + " rejected (" + expected.code() + ")");
        }
    }

    private void expect(String what, boolean held, Browser.Page page) {
        probesRun++;
        if (held) {
            System.out.println("probe ok: " + what);
        } else {
            failures.add(what + (page == null ? "" : ": HTTP " + page.status() + " " + page.reasonCode().orElse("")));
        }
    }

    private void fail(String what) {
        probesRun++;
        failures.add(what);
    }
}
