package dev.paygate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.customer.RunningGateway;
import dev.paygate.routes.order.Decision;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in ops/grafana is a valid dashboard, and every query in it asks for a metric the running
 * gateway exports: a dashboard that names a metric nobody writes shows an empty panel and a false calm.
 */
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "paygate-dashboard.json");
    private static final Path SCHEMA = Path.of("..", "ops", "grafana", "dashboard.schema.json");
    /** Prometheus metric names in a PromQL expression: ours and Camel's. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:paygate|camel)_[a-z0-9_]+)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "metrics-operator";
    private static final String OPERATOR_PASSWORD = "metrics-operator-password";

    private static RunningGateway gateway;
    private static String scrape;

    @BeforeAll
    static void gatewayThatHasTakenPayments() throws Exception {
        String passwordHash = new Argon2idPasswordHasher(new AuthenticationProperties.Argon2(1024, 1, 1))
                .hash(OPERATOR_PASSWORD.toCharArray());
        gateway = RunningGateway.start("--paygate.operator.accounts[0].username=" + OPERATOR,
                "--paygate.operator.accounts[0].password-hash=" + passwordHash);
        assertThat(gateway.pay("alice", "demo-shop", 1_250, "metrics-wallet").outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(gateway.pay("alice", "demo-shop", 4_500, "metrics-card").outcome()).isEqualTo(Decision.Outcome.APPROVED);
        // And one as a customer pays, through the payment page: the front unit's own metrics.
        HttpResponse<String> paid = gateway.http().submit("/pay/confirm", Map.of(
                "ticket", RunningGateway.signedByDemoShop(RunningGateway.demoTicket(800).build()),
                "password", "alice-demo-pass"));
        assertThat(paid.statusCode()).isEqualTo(303);
        scrape = gateway.prometheusScrape(OPERATOR, OPERATOR_PASSWORD);
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void dashboardIsAValidGrafanaDashboard() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA.toFile()));

        assertThat(schema.validate(dashboard)).isEmpty();
    }

    @Test
    void everyQueryOfTheDashboardUsesAMetricTheGatewayExports() throws IOException {
        Set<String> exported = exportedNames(scrape);
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher names = METRIC.matcher(target.get("expr").asText());
                while (names.find()) {
                    queried.add(names.group(1));
                }
            }
        }

        assertThat(queried).isNotEmpty();
        assertThat(exported).containsAll(queried);
    }

    @Test
    void paymentsAreCountedByPathOutcomeAndReasonAndNetworksByResponseCode() {
        assertThat(scrape).contains("paygate_back_decisions_total{outcome=\"approved\",path=\"wallet\",reason=\"none\"",
                "paygate_back_decisions_total{outcome=\"approved\",path=\"card\",reason=\"none\"");
        assertThat(scrape).containsPattern("paygate_card_requests_seconds_count\\{mti=\"0100\",network=\"cardnet-a\",response_code=\"00\"");
        assertThat(scrape).containsPattern("paygate_card_network_up\\{network=\"cardnet-a\"\\} 1");
        assertThat(scrape).contains("paygate_reversal_saf_depth", "paygate_webhook_outbox_depth");
        assertThat(scrape).contains("paygate_payments_total{outcome=\"approved\",path=\"wallet\",reason=\"none\"");
        assertThat(scrape).contains("paygate_reversals_total{network=\"cardnet-a\",result=\"acknowledged\"}");
    }

    @Test
    void everyPasswordCheckIsTimedByWhoseItWas() {
        assertThat(scrape).containsPattern("paygate_argon2id_seconds_count\\{operation=\"verify\",use=\"customer\"\\} [1-9]")
                .containsPattern("paygate_argon2id_seconds_count\\{operation=\"verify\",use=\"operator\"\\} [1-9]")
                .contains("paygate_argon2id_seconds_bucket{operation=\"verify\",use=\"customer\",le=");
    }

    private static Set<String> exportedNames(String scrape) {
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
