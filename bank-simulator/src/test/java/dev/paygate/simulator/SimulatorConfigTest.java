package dev.paygate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.packager.Framing;
import dev.paygate.iso8583.packager.PackagerDefinition;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorConfigTest {

    @Test
    void repositoryConfigListsBothNetworksAsTheGatewayExpects() {
        SimulatorConfig config = SimulatorConfig.load(Simulators.REPOSITORY_CONFIG);

        assertThat(config.endpoints()).extracting(EndpointConfig::name).containsExactly("cardnet-a", "cardnet-b");
        EndpointConfig cardnetA = config.endpoints().get(0);
        EndpointConfig cardnetB = config.endpoints().get(1);
        assertThat(cardnetA.port()).isEqualTo(10001);
        assertThat(cardnetA.host()).isEqualTo("127.0.0.1");
        assertThat(cardnetA.profile().packager()).isEqualTo(PackagerDefinition.ISO87_BINARY);
        assertThat(cardnetA.profile().framing()).isEqualTo(Framing.BINARY_LENGTH);
        assertThat(cardnetA.profile().headerHex()).isEqualTo("6000000000");
        assertThat(cardnetB.port()).isEqualTo(10002);
        assertThat(cardnetB.profile().packager()).isEqualTo(PackagerDefinition.ISO87_ASCII);
        assertThat(cardnetB.profile().framing()).isEqualTo(Framing.ASCII_LENGTH);
        assertThat(cardnetB.profile().hasHeader()).isFalse();
        assertThat(config.slowDelay()).isEqualTo(Duration.ofMillis(3_000));
        assertThat(config.lateDelay()).isEqualTo(Duration.ofMillis(12_000));
        assertThat(cardnetA.profile().mac()).as("cardnet-a MACs its messages with the demo key")
                .contains(Iso9797Alg3Mac.fromHex(SimulatorConfig.DEMO_MAC_KEY_HEX));
        assertThat(cardnetB.profile().mac()).isEmpty();
        assertThat(config.cardsFile()).endsWith(Path.of("config", "bank-simulator", "cards.csv")).exists();
    }

    @Test
    void everyCardOfTheReadmeTableIsSeededExceptTheUnknownOne() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("^\\| `(\\d{16})` \\|", Pattern.MULTILINE).matcher(readme);
        List<String> pans = new ArrayList<>();
        while (rows.find()) {
            pans.add(rows.group(1));
        }

        try (BankSimulator simulator = Simulators.start()) {
            assertThat(pans).hasSizeGreaterThan(15).contains(TestCards.UNKNOWN);
            for (String pan : pans) {
                assertThat(simulator.account(pan).isPresent()).as(pan).isEqualTo(!pan.equals(TestCards.UNKNOWN));
            }
        }
    }

    @Test
    void rejectsUnknownKeysAndUnquotedHeaders(@TempDir Path directory) throws Exception {
        Path typo = write(directory, "typo.yml", """
                cards-file: cards.csv
                slow-delay: 10
                endpoints: []
                """);
        Path unquoted = write(directory, "unquoted.yml", """
                cards-file: cards.csv
                endpoints:
                  - {name: n, packager: iso87-binary, framing: binary-length, header: 6000000000}
                """);

        assertThatThrownBy(() -> SimulatorConfig.load(typo)).hasMessageContaining("unknown key 'slow-delay'");
        assertThatThrownBy(() -> SimulatorConfig.load(unquoted)).hasMessageContaining("header must be a quoted string");
    }

    @Test
    void rejectsBadCardSeedsNamingTheLineWithoutTheClearPan(@TempDir Path directory) throws Exception {
        Path cards = write(directory, "cards.csv", "4000000000000003,2049-12,active,1,EUR,1,normal,not Luhn-valid\n");
        Path yml = write(directory, "simulator.yml", """
                cards-file: cards.csv
                endpoints:
                  - {name: n, port: 0, packager: iso87-ascii, framing: ascii-length}
                """);

        assertThatThrownBy(() -> BankSimulator.start(SimulatorConfig.load(yml)))
                .hasMessageContaining(cards + " line 1")
                .hasMessageContaining("fails the Luhn check")
                .hasMessageNotContaining("4000000000000003");
    }

    @Test
    void failsToStartWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SimulatorConfig config = Simulators.repositoryConfig();
            EndpointConfig first = config.endpoints().get(0).withPort(taken.getLocalPort());
            SimulatorConfig clashing = new SimulatorConfig(List.of(first, config.endpoints().get(1)), config.cardsFile(),
                    config.slowDelay(), config.idleTimeout(), config.sessionsMax());

            assertThatThrownBy(() -> BankSimulator.start(clashing))
                    .hasMessageContaining("cardnet-a cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void mainTakesTheConfigPathOrTheDefault() {
        assertThat(BankSimulatorMain.configPath(new String[0])).isEqualTo(Path.of("config/bank-simulator/simulator.yml"));
        assertThat(BankSimulatorMain.configPath(new String[] {"--config", "/etc/sim.yml"})).isEqualTo(Path.of("/etc/sim.yml"));
        assertThatThrownBy(() -> BankSimulatorMain.configPath(new String[] {"--port", "1"})).isInstanceOf(IllegalArgumentException.class);
    }

    private static Path write(Path directory, String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
