package dev.paygate.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.routes.back.BackUnitConfiguration;
import java.util.Set;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which operator parts a process gets: the console and API only where both units run, the invariant check
 * wherever the back unit runs. Each case would fail to start if a part that needs the other unit were present.
 */
class OperatorDeploymentTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Never connected: no bean here touches the database while the context starts.
            .withBean(DataSource.class, SimpleDriverDataSource::new)
            .withBean(BackUnitConfiguration.BackSchemas.class, BackUnitConfiguration.BackSchemas::new)
            .withUserConfiguration(LedgerInvariantsConfiguration.class, OperatorConfiguration.class,
                    OperatorOverview.class, OperatorActions.class, OperatorApiController.class,
                    OperatorConsoleController.class, OperatorApiAdvice.class);

    @Test
    void aBackOnlyProcessHasTheInvariantEndpointAndNoConsole() {
        runner.withPropertyValues("paygate.front.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LedgerInvariantsEndpoint.class);
            assertThat(context).doesNotHaveBean(OperatorAccounts.class)
                    .doesNotHaveBean(OperatorApiController.class)
                    .doesNotHaveBean(OperatorConsoleController.class)
                    .doesNotHaveBean(OperatorOverview.class)
                    .doesNotHaveBean(OperatorActions.class)
                    .doesNotHaveBean(OperatorApiAdvice.class);
        });
    }

    @Test
    void aBackOnlyProcessOffersTheInvariantReportOverJmx() {
        runner.withConfiguration(AutoConfigurations.of(JmxAutoConfiguration.class, EndpointAutoConfiguration.class,
                        JmxEndpointAutoConfiguration.class))
                .withPropertyValues("paygate.front.enabled=false", "spring.jmx.enabled=true",
                        "spring.jmx.unique-names=true", "management.endpoints.jmx.exposure.include=health,ledgerinvariants")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MBeanServer server = context.getBean(MBeanServer.class);
                    Set<ObjectName> endpoints = server.queryNames(
                            new ObjectName("org.springframework.boot:type=Endpoint,name=Ledgerinvariants,*"), null);
                    assertThat(endpoints).singleElement().satisfies(endpoint ->
                            assertThat(server.getMBeanInfo(endpoint).getOperations())
                                    .extracting(MBeanOperationInfo::getName).containsExactly("report"));
                });
    }

    @Test
    void aFrontOnlyProcessHasNoOperatorPartAtAll() {
        runner.withPropertyValues("paygate.back.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LedgerInvariantsEndpoint.class)
                    .doesNotHaveBean(OperatorAccounts.class)
                    .doesNotHaveBean(OperatorApiController.class)
                    .doesNotHaveBean(OperatorConsoleController.class)
                    .doesNotHaveBean(OperatorOverview.class);
        });
    }
}
