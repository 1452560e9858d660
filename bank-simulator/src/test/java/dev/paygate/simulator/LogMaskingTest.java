package dev.paygate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.message.ReversalKind;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.simulator.support.Requests;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

/** Every message is logged, and no log line of the simulator shows a clear PAN. */
class LogMaskingTest {

    private static final Path LOG_FILE = Path.of("target", "bank-simulator-test.log");
    private static final List<String> PANS = List.of(
            TestCards.EVERYDAY, TestCards.UNKNOWN, TestCards.CARDNET_B_EVERYDAY, TestCards.GARBAGE);

    @Test
    void logsEveryMessageWithThePanMasked() throws Exception {
        SimulatorConfig config = Simulators.repositoryConfig();
        try (BankSimulator simulator = BankSimulator.start(config);
                SimulatorClient cardnetA = SimulatorClient.connect(simulator, config, "cardnet-a");
                SimulatorClient cardnetB = SimulatorClient.connect(simulator, config, "cardnet-b")) {
            var authorization = Requests.authorization(TestCards.EVERYDAY, 1_000);
            cardnetA.exchange(authorization.toIsoMsg());
            cardnetA.exchange(ReversalRequest.reversing(authorization, ReversalKind.ADVICE, Requests.nextStan(), Instant.now()).toIsoMsg());
            cardnetA.exchange(Requests.authorization(TestCards.UNKNOWN, 1_000).toIsoMsg());
            cardnetB.exchange(Requests.purchase(TestCards.CARDNET_B_EVERYDAY, 1_000).toIsoMsg());
            ISOMsg malformed = Requests.authorization(TestCards.CARDNET_B_EVERYDAY, 1_000).toIsoMsg();
            malformed.unset(7);
            cardnetB.exchange(malformed);
        }

        String log = Files.readString(LOG_FILE, StandardCharsets.UTF_8);

        for (String pan : PANS) {
            assertThat(log).as("clear PAN in the log").doesNotContain(pan);
        }
        assertThat(log).contains("cardnet-a received 0100 [2=400000******0135")
                .contains("cardnet-a answered 0110 [2=400000******0135")
                .contains("cardnet-a received 0420 [2=400000******0135")
                .contains("cardnet-a answered 0110 [2=400000******9991")
                .contains("cardnet-b received 0200 [2=510000******0016")
                .contains("card 510000******0016");
    }
}
