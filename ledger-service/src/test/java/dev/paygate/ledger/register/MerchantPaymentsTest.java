package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A merchant's search of its own register entries, and one payment with its basket and refunds. */
class MerchantPaymentsTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private final PaymentRegister register = new PaymentRegister(database.dataSource());
    private final Refunds refunds = new Refunds(database.dataSource());
    private final MerchantPayments payments = new MerchantPayments(database.dataSource());
    private final String merchantId = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherMerchantId = "other-" + UUID.randomUUID().toString().substring(0, 8);
    private final String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    private final String poorCustomerId = "poor-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void merchantsAndCustomers() {
        Fixtures fixtures = new Fixtures(database.dataSource());
        fixtures.fundedCustomer(customerId, 50_000);
        fixtures.fundedCustomer(poorCustomerId, 100);
        fixtures.merchant(merchantId);
        fixtures.merchant(otherMerchantId);
    }

    @Test
    void findsOnlyTheMerchantsOwnEntriesNewestFirstWithTheTotalOfAllMatches() {
        RegisterEntry first = paid(merchantId, customerId, 100);
        RegisterEntry second = paid(merchantId, customerId, 200);
        paid(otherMerchantId, customerId, 300);

        MerchantPayments.Page page = payments.search(merchantId, PaymentFilter.ANY, 0, 1);

        assertThat(page.totalEntries()).isEqualTo(2);
        assertThat(page.entries()).extracting(RegisterEntry::ticketId).containsExactly(second.ticketId());
        assertThat(payments.search(merchantId, PaymentFilter.ANY, 1, 1).entries()).extracting(RegisterEntry::ticketId)
                .containsExactly(first.ticketId());
    }

    @Test
    void searchesByAnyIdTheMerchantHoldsOfAPayment() {
        RegisterEntry wanted = paid(merchantId, customerId, 150);
        paid(merchantId, customerId, 160);
        RegisterEntry othersSameOrder = paid(otherMerchantId, customerId, 170);

        for (String text : new String[] {wanted.ticketId(), wanted.orderId(), wanted.merchantSerial(),
                Long.toString(wanted.serial())}) {
            assertThat(payments.search(merchantId, filter(text), 0, 10).entries()).as(text)
                    .extracting(RegisterEntry::ticketId).containsExactly(wanted.ticketId());
        }
        assertThat(payments.search(merchantId, filter(customerId), 0, 10).totalEntries()).isEqualTo(2);
        assertThat(payments.search(merchantId, filter(othersSameOrder.ticketId()), 0, 10).entries())
                .as("another merchant's ticket is not found").isEmpty();
    }

    @Test
    void filtersByStatusPathAndTime() {
        RegisterEntry approved = paid(merchantId, customerId, 100);
        RegisterEntry refused = register.settleWalletPayment(order(merchantId, poorCustomerId, 5_000)).entry();

        assertThat(payments.search(merchantId, new PaymentFilter(null, RegisterStatus.REFUSED, null, null, null), 0, 10)
                .entries()).extracting(RegisterEntry::ticketId).containsExactly(refused.ticketId());
        assertThat(payments.search(merchantId, new PaymentFilter(null, null, SettlementPath.CARD, null, null), 0, 10)
                .entries()).isEmpty();
        Instant after = refused.registeredAt().plusSeconds(1);
        assertThat(payments.search(merchantId, new PaymentFilter(null, null, SettlementPath.WALLET,
                approved.registeredAt(), after), 0, 10).totalEntries()).isEqualTo(2);
        assertThat(payments.search(merchantId, new PaymentFilter(null, null, null, after, null), 0, 10).entries())
                .isEmpty();
    }

    @Test
    void onePaymentComesWithItsBasketAndRefundsAndOnlyToItsMerchant() {
        RegisterEntry entry = paid(merchantId, customerId, 1_000);
        refunds.refund(entry.ticketId(), 300, "refund-1-" + entry.ticketId());
        refunds.refund(entry.ticketId(), 200, "refund-2-" + entry.ticketId());

        MerchantPayments.Payment payment = payments.find(merchantId, entry.ticketId()).orElseThrow();

        assertThat(payment.entry().refundedMinor()).isEqualTo(500);
        assertThat(payment.items()).extracting(OrderItem::label).containsExactly("Coffee");
        assertThat(payment.refunds()).extracting(MerchantPayments.Refund::amountMinor, MerchantPayments.Refund::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(300L, "wallet"),
                        org.assertj.core.groups.Tuple.tuple(200L, "wallet"));
        assertThat(payments.find(otherMerchantId, entry.ticketId())).isEmpty();
        assertThat(payments.find(merchantId, "no-such-ticket")).isEmpty();
    }

    private RegisterEntry paid(String merchant, String customer, long amountMinor) {
        WalletSettlement settlement = register.settleWalletPayment(order(merchant, customer, amountMinor));
        assertThat(settlement.approved()).isTrue();
        return settlement.entry();
    }

    private static PaymentFilter filter(String text) {
        return new PaymentFilter(text, null, null, null, null);
    }
}
