package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WalletPaymentTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private PaymentRegister register;
    private Accounts accounts;
    private Fixtures fixtures;
    private String customerId;
    private String merchantId;

    @BeforeEach
    void setUp() {
        register = new PaymentRegister(database.dataSource());
        accounts = new Accounts(database.dataSource());
        fixtures = new Fixtures(database.dataSource());
        customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.fundedCustomer(customerId, 5_000);
        fixtures.merchant(merchantId);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void settlesFromWalletToTillAndRegistersTheTicket() {
        RegisterOrder order = order(merchantId, customerId, 1_250);

        WalletSettlement settlement = register.settleWalletPayment(order);

        RegisterEntry entry = settlement.entry();
        assertThat(settlement.approved()).isTrue();
        assertThat(settlement.replayed()).isFalse();
        assertThat(entry.path()).isEqualTo(SettlementPath.WALLET);
        assertThat(entry.status()).isEqualTo(RegisterStatus.APPROVED);
        assertThat(entry.reason()).isNull();
        assertThat(entry.ticketId()).isEqualTo(order.ticketId());
        assertThat(entry.merchantId()).isEqualTo(merchantId);
        assertThat(entry.customerId()).isEqualTo(customerId);
        assertThat(entry.orderId()).isEqualTo(order.orderId());
        assertThat(entry.amountMinor()).isEqualTo(1_250);
        assertThat(entry.vatMinor()).isEqualTo(250);
        assertThat(entry.currency()).isEqualTo(EUR);
        assertThat(entry.merchantSerial()).isEqualTo(order.merchantSerial());
        assertThat(entry.authenticatedAt()).isEqualTo(order.authenticatedAt());
        assertThat(entry.registeredAt()).isNotNull();
        assertThat(walletBalance()).isEqualTo(3_750);
        assertThat(tillBalance()).isEqualTo(1_250);
        assertThat(register.findByTicket(order.ticketId())).contains(entry);
        assertThat(register.findBySerial(entry.serial())).contains(entry);
    }

    @Test
    void secondDeliveryOfATicketReturnsTheFirstOutcomeAndMovesNothing() {
        RegisterOrder order = order(merchantId, customerId, 1_000);
        WalletSettlement first = register.settleWalletPayment(order);

        WalletSettlement second = register.settleWalletPayment(order);

        assertThat(second.replayed()).isTrue();
        assertThat(second.entry()).isEqualTo(first.entry());
        assertThat(walletBalance()).isEqualTo(4_000);
        assertThat(tillBalance()).isEqualTo(1_000);
    }

    @Test
    void replayedRefusalStaysRefusedEvenAfterTheWalletIsFunded() {
        RegisterOrder order = order(merchantId, customerId, 6_000);
        assertThat(register.settleWalletPayment(order).entry().reason()).isEqualTo("insufficient_funds");
        new CustomerRecords(database.dataSource()).setWalletCap(customerId, 20_000);
        fixtures.topUps().topUpWallet(customerId, 5_000, EUR, "more-" + customerId, "ZZ9999", null);

        WalletSettlement replay = register.settleWalletPayment(order);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.entry().status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(walletBalance()).isEqualTo(10_000);
    }

    @Test
    void refusesAndRegistersWhenFundsAreShort() {
        RegisterOrder order = order(merchantId, customerId, 5_001);

        WalletSettlement settlement = register.settleWalletPayment(order);

        assertThat(settlement.approved()).isFalse();
        assertThat(settlement.entry().status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(settlement.entry().reason()).isEqualTo("insufficient_funds");
        assertThat(register.findByTicket(order.ticketId())).contains(settlement.entry());
        assertThat(walletBalance()).isEqualTo(5_000);
        assertThat(tillBalance()).isZero();
    }

    @Test
    void refusesAnUnknownCustomer() {
        assertRefusedWith(order(merchantId, "nobody", 100), "unknown_customer");
    }

    @Test
    void refusesAnUnknownMerchant() {
        assertRefusedWith(order("no-shop", customerId, 100), "unknown_merchant");
    }

    @Test
    void refusesABlockedCustomer() {
        new CustomerRecords(database.dataSource()).setBlocked(customerId, true);

        assertRefusedWith(order(merchantId, customerId, 100), "customer_blocked");
    }

    @Test
    void refusesAnOrderInAnotherCurrencyThanTheWallet() {
        RegisterOrder order = order(merchantId, customerId, 100);
        RegisterOrder inDollars = new RegisterOrder(order.ticketId(), merchantId, customerId, order.orderId(), 100, 0,
                "USD", null, List.of(), order.authenticatedAt());

        assertRefusedWith(inDollars, "currency_mismatch");
    }

    @Test
    void serialsIncreaseWithEachTicket() {
        long first = register.settleWalletPayment(order(merchantId, customerId, 10)).entry().serial();
        long refused = register.settleWalletPayment(order(merchantId, "nobody", 10)).entry().serial();
        long third = register.settleWalletPayment(order(merchantId, customerId, 10)).entry().serial();

        assertThat(first).isLessThan(refused);
        assertThat(refused).isLessThan(third);
    }

    @Test
    void keepsTheBasketLinesForDisputes() {
        List<OrderItem> basket = List.of(new OrderItem("sku-1", "Espresso", 2, 500), new OrderItem("sku-2", null, 1,
                300));
        RegisterOrder order = new RegisterOrder(UUID.randomUUID().toString(), merchantId, customerId, "o-77", 800,
                133, EUR, "till-4711", basket, Instant.parse("2026-11-24T09:00:00Z"));

        RegisterEntry entry = register.settleWalletPayment(order).entry();

        assertThat(register.items(entry.serial())).isEqualTo(basket);
    }

    @Test
    void zeroAmountTicketIsAuthenticationOnlyAndMovesNoMoney() {
        RegisterOrder zero = order(merchantId, customerId, 0);

        assertThatThrownBy(() -> register.settleWalletPayment(zero)).isInstanceOf(IllegalArgumentException.class);
        RegisterEntry entry = register.authOnly(zero);

        assertThat(entry.path()).isEqualTo(SettlementPath.AUTH_ONLY);
        assertThat(entry.status()).isEqualTo(RegisterStatus.APPROVED);
        assertThat(register.authOnly(zero)).isEqualTo(entry);
        assertThat(walletBalance()).isEqualTo(5_000);
        assertThat(register.authOnly(order(merchantId, "nobody", 0)).reason()).isEqualTo("unknown_customer");
    }

    @Test
    void registersARefusalDecidedOutsideTheLedger() {
        RegisterOrder order = order(merchantId, customerId, 9_000);

        RegisterEntry entry = register.refuse(order, SettlementPath.CARD, "no_card_on_file");

        assertThat(entry.status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(entry.reason()).isEqualTo("no_card_on_file");
        assertThat(register.refuse(order, SettlementPath.CARD, "network_unavailable")).isEqualTo(entry);
    }

    @Test
    void historyListsTheNewestEntriesFirst() {
        RegisterEntry older = register.settleWalletPayment(order(merchantId, customerId, 10)).entry();
        RegisterEntry newer = register.settleWalletPayment(order(merchantId, customerId, 20)).entry();

        assertThat(register.recentForCustomer(customerId, 10)).containsExactly(newer, older);
        assertThat(register.recentForMerchant(merchantId, 1)).containsExactly(newer);
        assertThatThrownBy(() -> register.recentForCustomer(customerId, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefusedWith(RegisterOrder order, String reason) {
        WalletSettlement settlement = register.settleWalletPayment(order);

        assertThat(settlement.entry().status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(settlement.entry().reason()).isEqualTo(reason);
        assertThat(register.findByTicket(order.ticketId())).isPresent();
        assertThat(walletBalance()).isEqualTo(5_000);
        assertThat(tillBalance()).isZero();
    }

    private long walletBalance() {
        return accounts.wallet(customerId).orElseThrow().balanceMinor();
    }

    private long tillBalance() {
        return accounts.till(merchantId).orElseThrow().balanceMinor();
    }
}
