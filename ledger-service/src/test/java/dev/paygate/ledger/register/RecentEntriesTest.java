package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecentEntriesTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    @Test
    void latestRefusalsAcrossMerchantsComeNewestFirst() {
        PaymentRegister register = new PaymentRegister(database.dataSource());
        Fixtures fixtures = new Fixtures(database.dataSource());
        fixtures.fundedCustomer("rich", 5_000);
        fixtures.fundedCustomer("poor", 100);
        fixtures.merchant("shop-a");
        fixtures.merchant("shop-b");

        RegisterEntry firstRefusal = register.settleWalletPayment(order("shop-a", "poor", 1_000)).entry();
        register.settleWalletPayment(order("shop-a", "rich", 1_000));
        RegisterEntry secondRefusal = register.settleWalletPayment(order("shop-b", "poor", 2_000)).entry();

        List<RegisterEntry> refusals = register.recentWithStatus(RegisterStatus.REFUSED, 10);

        assertThat(refusals).extracting(RegisterEntry::ticketId)
                .containsExactly(secondRefusal.ticketId(), firstRefusal.ticketId());
        assertThat(register.recentWithStatus(RegisterStatus.APPROVED, 10)).hasSize(1);
    }
}
