package dev.paygate.benchmarks.back;

import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterOrder;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * ledger-service's own figure (what its posting benchmark measured): the whole wallet settlement through
 * {@link PaymentRegister#settleWalletPayment} (parties, register entry, basket line, posting), in-process,
 * without JMS or Camel around it.
 */
public final class LedgerSettlementLoad {

    private static final long AMOUNT_MINOR = 100;

    private final ClosedLoop loop;
    private final PaymentRegister register;

    public LedgerSettlementLoad(ClosedLoop loop, DataSource dataSource) {
        this.loop = loop;
        this.register = new PaymentRegister(dataSource);
    }

    public Measurement spread(int threads, String runId) {
        return run(threads, runId + "-settle-spread", LedgerFixture::randomSpreadMerchantId);
    }

    public Measurement hotTill(int threads, String runId) {
        return run(threads, runId + "-settle-hot", () -> LedgerFixture.HOT_MERCHANT);
    }

    private Measurement run(int threads, String ticketPrefix, Supplier<String> merchants) {
        return loop.run(threads, (worker, sequence) -> {
            String ticketId = ticketPrefix + "-" + sequence;
            RegisterOrder order = new RegisterOrder(ticketId, merchants.get(), LedgerFixture.randomCustomerId(), ticketId,
                    AMOUNT_MINOR, 0, LedgerFixture.CURRENCY, null,
                    List.of(new OrderItem("sku-1", "Bench item", 1, AMOUNT_MINOR)), Instant.now());
            if (!register.settleWalletPayment(order).approved()) {
                throw new IllegalStateException("wallet settlement refused");
            }
        });
    }
}
