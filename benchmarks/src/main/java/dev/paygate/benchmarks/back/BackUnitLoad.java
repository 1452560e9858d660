package dev.paygate.benchmarks.back;

import dev.paygate.benchmarks.infra.JmsRequester;
import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.routes.order.PaymentOrder;
import jakarta.jms.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Back-unit decisions per second: authenticated orders put straight on the front-to-back queue, as the front
 * unit's hand-over sends them, each answered by the back unit's decision. No HTTP, no password check.
 */
public final class BackUnitLoad implements AutoCloseable {

    private static final String PAYMENT_QUEUE = "paygate.payment.request";
    private static final long REPLY_TIMEOUT_MS = 20_000;
    /** Under the wallet threshold (EUR 30.00) the wallet pays; above it the card. */
    private static final long WALLET_AMOUNT_MINOR = 100;
    private static final long CARD_AMOUNT_MINOR = 5_000;

    private final ClosedLoop loop;
    private final Connection connection;
    private final OrderCodec codec = new OrderCodec();

    public BackUnitLoad(ClosedLoop loop, String brokerUrl) throws Exception {
        this.loop = loop;
        this.connection = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        connection.start();
    }

    public Measurement walletSpread(int inFlight, String runId) throws Exception {
        return run(inFlight, runId + "-spread", LedgerFixture::randomCustomerId, LedgerFixture::randomSpreadMerchantId,
                WALLET_AMOUNT_MINOR);
    }

    public Measurement walletHotTill(int inFlight, String runId) throws Exception {
        return run(inFlight, runId + "-hot", LedgerFixture::randomCustomerId, () -> LedgerFixture.HOT_MERCHANT,
                WALLET_AMOUNT_MINOR);
    }

    public Measurement card(int inFlight, String runId) throws Exception {
        return run(inFlight, runId + "-card", LedgerFixture::randomCardCustomerId, LedgerFixture::randomSpreadMerchantId,
                CARD_AMOUNT_MINOR);
    }

    /** Well past any wait of the run: the bench measures decisions, not expiries. */
    private static final Duration ORDER_LIFE = Duration.ofMinutes(30);

    private Measurement run(int inFlight, String ticketPrefix, Supplier<String> customers, Supplier<String> merchants,
                            long amountMinor) throws Exception {
        try (JmsRequester.PerWorker requesters = new JmsRequester.PerWorker(connection, PAYMENT_QUEUE, inFlight)) {
            return loop.run(inFlight, (worker, sequence) -> {
                String ticketId = ticketPrefix + "-" + sequence;
                PaymentOrder order = new PaymentOrder(ticketId, merchants.get(), customers.get(), ticketId,
                        amountMinor, 0, LedgerFixture.CURRENCY, "S" + sequence,
                        List.of(new OrderItem("sku-1", "Bench item", 1, amountMinor)), Instant.now(),
                        Instant.now().plus(ORDER_LIFE));
                Decision decision = codec.decodeDecision(
                        requesters.of(worker).request(codec.encodeOrder(order), ticketId, REPLY_TIMEOUT_MS));
                if (decision.outcome() != Decision.Outcome.APPROVED) {
                    throw new IllegalStateException("back unit did not approve: " + decision.reason());
                }
            });
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
