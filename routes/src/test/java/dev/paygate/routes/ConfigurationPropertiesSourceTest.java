package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.routes.account.AccountProperties;
import dev.paygate.routes.card.UnsentCardPaymentsProperties;
import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.routes.order.HandoverProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camel placeholders read the bound settings records by their Spring names. */
class ConfigurationPropertiesSourceTest {

    private final CardNetworkProperties.Network cardnetA =
            new CardNetworkProperties.Network("127.0.0.1", 10001, "", false, 3000, 45_000, 200, "");
    private final ConfigurationPropertiesSource source = ConfigurationPropertiesSource.of(Map.of(
            "paygate.handover", new HandoverProperties(8000, "orders", "lookups", "dead", 2, 5000, 5000, 60_000, 100),
            "paygate.account", new AccountProperties("accounts", 20_000, 4,
                    new AccountProperties.TopUpAcceptor("PGTOPUP1", "PAYGATETOPUP001", "Paygate", "6540")),
            "paygate.card", new CardNetworkProperties(Path.of("deploy"), Path.of("q2"), 20_000,
                    Map.of("cardnet-a", cardnetA), List.of()),
            "paygate.card.unsent", new UnsentCardPaymentsProperties(30_000, 5_000, 100)));

    @Test
    void readsARecordComponentByItsKebabCaseName() {
        assertThat(source.getProperty("paygate.handover.reply-timeout-ms")).isEqualTo("8000");
        assertThat(source.getProperty("paygate.handover.payment-queue")).isEqualTo("orders");
    }

    @Test
    void walksNestedRecordsAndMaps() {
        assertThat(source.getProperty("paygate.account.top-up-acceptor.terminal-id")).isEqualTo("PGTOPUP1");
        assertThat(source.getProperty("paygate.card.networks.cardnet-a.echo-interval-ms")).isEqualTo("45000");
    }

    @Test
    void theLongestPrefixWinsWhereTwoRecordsShareOne() {
        assertThat(source.getProperty("paygate.card.unsent.poll-interval-ms")).isEqualTo("5000");
        assertThat(source.getProperty("paygate.card.startup-timeout-ms")).isEqualTo("20000");
    }

    @Test
    void leavesUnknownKeysAndWholeRecordsToOtherSources() {
        assertThat(source.getProperty("paygate.handover.no-such-setting")).isNull();
        assertThat(source.getProperty("paygate.card.networks.cardnet-z.port")).isNull();
        assertThat(source.getProperty("paygate.account.top-up-acceptor")).isNull();
        assertThat(source.getProperty("spring.application.name")).isNull();
    }

    @Test
    void spellsCamelCaseTheSpringWay() {
        assertThat(ConfigurationPropertiesSource.kebabCase("retryDelayMaxMs")).isEqualTo("retry-delay-max-ms");
        assertThat(ConfigurationPropertiesSource.kebabCase("queue")).isEqualTo("queue");
    }
}
