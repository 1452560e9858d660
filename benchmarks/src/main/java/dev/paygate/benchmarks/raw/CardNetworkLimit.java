package dev.paygate.benchmarks.raw;

import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.routes.card.Acceptor;
import dev.paygate.routes.card.CardOperation;
import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.routes.network.Q2Runtime;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.MUX;
import org.jpos.q2.iso.QMUX;

/**
 * 0100 round trips through jPOS QMUX (the gateway's own channel and MUX descriptors, in Q2) to the bank
 * simulator, for a card it always approves. Nothing else per request: no vault, no register, no reversal.
 */
public final class CardNetworkLimit implements AutoCloseable {

    private static final String NETWORK = "cardnet-a";
    /** The simulator's always-approve test card (bank-simulator/README.md); a test PAN, not a customer's. */
    private static final String ALWAYS_APPROVE_PAN = "4000000000000002";
    private static final long ANSWER_TIMEOUT_MS = 10_000;
    private static final long CONNECT_WAIT_MS = 20_000;
    private static final String ACQUIRER_ID = "12345678901";

    private final ClosedLoop loop;
    private final Q2Runtime q2;
    private final MUX mux;
    private final Merchant merchant = new Merchant("bench-shop", "Bench Shop", "5999",
            new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "BENCH001", "BENCHACCEPTOR01",
            "Bench Shop               Berlin       DE", 0, "EUR", Instant.EPOCH);
    private final AtomicInteger stans = new AtomicInteger();

    public CardNetworkLimit(ClosedLoop loop, Path deployDirectory, Path workDirectory, int simulatorPort)
            throws Exception {
        this.loop = loop;
        CardNetworkProperties.Network network = new CardNetworkProperties.Network("127.0.0.1", simulatorPort,
                "6000000000", false, ANSWER_TIMEOUT_MS, 60_000, 500, ACQUIRER_ID);
        this.q2 = Q2Runtime.deploy(new CardNetworkProperties(deployDirectory, workDirectory, 20_000,
                Map.of(NETWORK, network), List.of()));
        q2.awaitDeployed();
        this.mux = QMUX.getMUX(NETWORK + "-mux");
        long deadline = System.currentTimeMillis() + CONNECT_WAIT_MS;
        while (!mux.isConnected()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(NETWORK + " did not connect to the simulator within " + CONNECT_WAIT_MS + " ms");
            }
            Thread.sleep(100);
        }
    }

    public Measurement roundTrips(int inFlight) {
        return loop.run(inFlight, (worker, sequence) -> {
            // STANs stay unique among the requests in flight: the MUX matches answers on DE 41 + DE 11.
            Stan stan = Stan.of(1 + Math.floorMod(stans.getAndIncrement(), Stan.MAX));
            ISOMsg request = CardOperation.purchase("bench", 5_000, "EUR").toRequest(false, ALWAYS_APPROVE_PAN,
                    YearMonth.of(2049, 12), stan, Instant.now(), ACQUIRER_ID, Acceptor.of(merchant)).toIsoMsg();
            ISOMsg answer = mux.request(request, ANSWER_TIMEOUT_MS);
            if (answer == null || !"00".equals(answer.getString(39))) {
                throw new IllegalStateException("no approval from the simulator");
            }
        });
    }

    @Override
    public void close() {
        q2.close();
    }
}
