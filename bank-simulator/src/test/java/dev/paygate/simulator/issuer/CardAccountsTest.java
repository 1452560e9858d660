package dev.paygate.simulator.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card seed file as Jackson's CSV module reads it. */
class CardAccountsTest {

    private static final String HEADER = "pan,expiry,status,available_minor,currency,daily_limit_minor,behaviour,note\n";

    @Test
    void skipsCommentsBlankLinesAndTheHeaderAndTakesCommasInTheNote(@TempDir Path directory) throws Exception {
        Path csv = Files.writeString(directory.resolve("cards.csv"), "# test cards\n\n" + HEADER
                + "4000000000000002,2049-12,active,100,EUR,100,normal,Everyday card, EUR 1.00\n"
                + "5100000000000016,2049-12,active,100,EUR,100,decline,Declines, always\n");

        assertThat(CardAccounts.load(csv).size()).isEqualTo(2);
    }

    @Test
    void aBadRowIsNamedByItsLineInTheFile(@TempDir Path directory) throws Exception {
        Path csv = Files.writeString(directory.resolve("cards.csv"), "# test cards\n\n" + HEADER
                + "4000000000000002,2049-12,active,100,EUR,100,normal,fine\n\n# next\n"
                + "4000000000000002,2049-12,active,100,EUR,100,normal,again\n");

        assertThatThrownBy(() -> CardAccounts.load(csv)).hasMessageContaining("cards.csv line 7: card ")
                .hasMessageContaining("listed twice");
    }

    @Test
    void aShortRowSaysWhichColumnsItNeeds(@TempDir Path directory) throws Exception {
        Path csv = Files.writeString(directory.resolve("cards.csv"), "4000000000000002,2049-12,active\n");

        assertThatThrownBy(() -> CardAccounts.load(csv)).hasMessageContaining("cards.csv line 1: expected 8 columns");
    }
}
