package dev.paygate.gateway.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.gateway.voucher.VoucherStore;
import dev.paygate.ledger.Accounts;
import dev.paygate.routes.order.Decision;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer's account pages over real HTTP on the whole gateway, with the demo customers alice and bob. */
class CustomerAccountPagesTest {

    private static RunningGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = RunningGateway.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void wrongPasswordIsRefusedAndShowsNoAccount() throws Exception {
        Browser browser = new Browser(gateway);

        HttpResponse<String> login = browser.signIn("bob", "not-bobs-password");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("The customer id or the password is not correct.").doesNotContain("Balance");
        assertThat(browser.get("/account").body()).contains("Sign in").doesNotContain("Balance");
    }

    @Test
    void aCustomerSeesOnlyTheirOwnHistoryAndVouchers() throws Exception {
        String aliceOrder = "alice-order-" + UUID.randomUUID();
        String bobOrder = "bob-order-" + UUID.randomUUID();
        Decision alicePaid = gateway.pay("alice", "demo-shop", 1_200, aliceOrder);
        Decision bobPaid = gateway.pay("bob", "demo-shop", 100, bobOrder);
        String aliceVoucher = voucher(alicePaid, "alice", aliceOrder);
        String bobVoucher = voucher(bobPaid, "bob", bobOrder);
        Browser alice = new Browser(gateway);

        assertThat(alice.signIn("alice", "alice-demo-pass").statusCode()).isEqualTo(302);
        String page = alice.get("/account").body();

        assertThat(page).contains(aliceOrder, "/account/vouchers/" + aliceVoucher, "wallet", "approved")
                .doesNotContain(bobOrder, bobVoucher);
        assertThat(alice.get("/account/vouchers/" + aliceVoucher).body()).contains("compact-of-" + aliceOrder);
        HttpResponse<String> othersVoucher = alice.get("/account/vouchers/" + bobVoucher);
        assertThat(othersVoucher.statusCode()).isEqualTo(404);
        assertThat(othersVoucher.body()).doesNotContain("compact-of-" + bobOrder);
    }

    @Test
    void topUpFromTheEnrolledCardMovesTheWallet() throws Exception {
        Browser alice = new Browser(gateway);
        alice.signIn("alice", "alice-demo-pass");
        String page = alice.get("/account").body();
        long beforeMinor = aliceBalanceMinor();

        HttpResponse<String> topUp = alice.post("/account/top-up", Map.of("csrf", Browser.csrfOf(page),
                "topUpKey", Browser.topUpKeyOf(page), "amount", "25.00"));

        assertThat(topUp.statusCode()).isEqualTo(302);
        assertThat(aliceBalanceMinor() - beforeMinor).isEqualTo(2_500);
        String after = alice.get("/account").body();
        assertThat(after).contains("€25.00 added to your wallet from your card ending 0002.",
                "Top up from your card ending 0002", "Wallet top-up", "+€25.00", "data-kind=\"top-up\"")
                .doesNotContain("4000000000000002", "400000");
    }

    @Test
    void historyNamesTheMerchantNotItsId() throws Exception {
        String order = "named-order-" + UUID.randomUUID();
        gateway.pay("alice", "demo-shop", 300, order);
        Browser alice = new Browser(gateway);
        alice.signIn("alice", "alice-demo-pass");

        String page = alice.get("/account").body();

        assertThat(page).contains(order, "Paygate Demo Coffee").doesNotContain(">demo-shop<");
        assertThat(page).containsOnlyOnce("<header").doesNotContain("operator console");
    }

    @Test
    void topUpFormSentAgainWithAnotherAmountIsRefusedClearlyAndAddsNothing() throws Exception {
        Browser alice = new Browser(gateway);
        alice.signIn("alice", "alice-demo-pass");
        String page = alice.get("/account").body();
        Map<String, String> form = Map.of("csrf", Browser.csrfOf(page), "topUpKey", Browser.topUpKeyOf(page));
        alice.post("/account/top-up", withAmount(form, "5.00"));
        alice.get("/account");
        long afterFirstMinor = aliceBalanceMinor();

        HttpResponse<String> again = alice.post("/account/top-up", withAmount(form, "7.00"));

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(aliceBalanceMinor()).isEqualTo(afterFirstMinor);
        assertThat(alice.get("/account").body()).contains("This form was already used for a top-up of another amount");
    }

    @Test
    void topUpWithoutTheSessionsTokenIsRejectedAndMovesNothing() throws Exception {
        Browser alice = new Browser(gateway);
        alice.signIn("alice", "alice-demo-pass");
        String page = alice.get("/account").body();
        long beforeMinor = aliceBalanceMinor();

        HttpResponse<String> forged = alice.post("/account/top-up", Map.of("csrf", "forged",
                "topUpKey", Browser.topUpKeyOf(page), "amount", "25.00"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(aliceBalanceMinor()).isEqualTo(beforeMinor);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Browser bob = new Browser(gateway);
        bob.signIn("bob", "bob-demo-pass");
        String page = bob.get("/account").body();
        assertThat(page).contains("Balance");

        assertThat(bob.post("/account/logout", Map.of("csrf", Browser.csrfOf(page))).statusCode()).isEqualTo(302);

        assertThat(bob.get("/account").body()).contains("Sign in").doesNotContain("Balance");
    }

    private static Map<String, String> withAmount(Map<String, String> form, String amount) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put("amount", amount);
        return fields;
    }

    private static long aliceBalanceMinor() {
        return gateway.bean(Accounts.class).wallet("alice").orElseThrow().balanceMinor();
    }

    private static String voucher(Decision decision, String customerId, String orderId) {
        String voucherId = "v-" + UUID.randomUUID();
        Instant now = Instant.now();
        gateway.bean(VoucherStore.class).save(new StoredVoucher(voucherId, decision.ticketId(), "demo-shop",
                customerId, orderId, "compact-of-" + orderId, now, now.plus(Duration.ofDays(30))));
        return voucherId;
    }
}
