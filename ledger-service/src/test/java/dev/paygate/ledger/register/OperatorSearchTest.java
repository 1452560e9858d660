package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator finds in the register, and the postings that make up one payment's trail. */
class OperatorSearchTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private PaymentRegister register;
    private Fixtures fixtures;
    private String customerId;
    private String merchantId;

    @BeforeEach
    void setUp() {
        register = new PaymentRegister(database.dataSource());
        fixtures = new Fixtures(database.dataSource());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        customerId = "c-" + suffix;
        merchantId = "m-" + suffix;
        fixtures.fundedCustomer(customerId, 10_000);
        fixtures.merchant(merchantId);
    }

    @Test
    void findsACardPaymentByTicketOrderCustomerStanRrnOrApprovalCode() {
        RegisterOrder paid = order(merchantId, customerId, 4_500);
        register.openCardPayment(paid, "cardnet-a");
        String rrn = uniqueDigits(12);
        String stan = uniqueDigits(5);
        String authCode = "a" + uniqueDigits(5);
        register.completeCardPayment(paid.ticketId(), CardOutcome.approved(authCode.toUpperCase(), rrn, stan));

        for (String term : List.of(paid.ticketId(), paid.orderId(), rrn, stan, "0" + stan, authCode,
                "  " + paid.ticketId() + " ")) {
            assertThat(register.search(term, 10)).as(term)
                    .extracting(RegisterEntry::ticketId).containsExactly(paid.ticketId());
        }
        assertThat(register.search(customerId, 10)).extracting(RegisterEntry::ticketId).containsExactly(paid.ticketId());
        assertThat(register.search("no-such-" + customerId, 10)).isEmpty();
    }

    @Test
    void listsEveryEntryOfACustomerNewestFirstAndTheLatestEntriesForABlankTerm() {
        RegisterEntry first = register.settleWalletPayment(order(merchantId, customerId, 100)).entry();
        RegisterEntry second = register.settleWalletPayment(order(merchantId, customerId, 200)).entry();

        assertThat(register.search(customerId, 10)).extracting(RegisterEntry::serial)
                .containsExactly(second.serial(), first.serial());
        assertThat(register.search(customerId, 1)).extracting(RegisterEntry::serial).containsExactly(second.serial());
        assertThat(register.search(" ", 1)).extracting(RegisterEntry::serial).containsExactly(second.serial());
    }

    @Test
    void postingsOfAPaymentShowItAndItsRefundsBetweenNamedAccounts() {
        RegisterEntry payment = register.settleWalletPayment(order(merchantId, customerId, 1_000)).entry();
        new Refunds(database.dataSource()).refund(payment.ticketId(), 300, "refund-" + payment.serial());

        assertThat(register.postings(payment.serial()))
                .extracting(Posting::kind, Posting::debitAccount, Posting::creditAccount, Posting::amountMinor)
                .containsExactly(
                        tuple(TransferKind.WALLET_PAYMENT, "wallet:" + customerId, "till:" + merchantId, 1_000L),
                        tuple(TransferKind.REFUND, "till:" + merchantId, "wallet:" + customerId, 300L));
    }

    @Test
    void postingsOfAReversedCardPaymentShowTheChargeAndItsReversal() {
        RegisterOrder paid = order(merchantId, customerId, 4_000);
        register.openCardPayment(paid, "cardnet-a");
        RegisterEntry approved = register.completeCardPayment(paid.ticketId(), CardOutcome.approved("OK0001", null, "1"));
        register.markReversed(paid.ticketId());

        List<Posting> postings = register.postings(approved.serial());

        assertThat(postings).extracting(Posting::kind, Posting::amountMinor)
                .containsExactly(tuple(TransferKind.CARD_PAYMENT, 4_000L), tuple(TransferKind.CARD_REVERSAL, 4_000L));
        assertThat(postings.get(0).creditAccount()).isEqualTo(postings.get(1).debitAccount()).isEqualTo("till:" + merchantId);
    }

    private static String uniqueDigits(int length) {
        String digits = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        return digits.substring(digits.length() - length);
    }
}
