package dev.paygate.routes.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The keep-alive templates: one sign-on and one echo route per configured network. Networks and MUX mocked. */
class NetworkManagementRoutesTest extends CamelTestSupport {

    private final CardNetworks networks = mock(CardNetworks.class);
    private final NetworkManagement management = mock(NetworkManagement.class);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        when(networks.names()).thenReturn(Set.of("cardnet-a", "cardnet-b"));
        // An echo interval far longer than the test: only the sign-on routes fire.
        CardNetworkProperties.Network settings =
                new CardNetworkProperties.Network("127.0.0.1", 1, "", false, 1000, 3_600_000, 100, "");
        when(networks.settings("cardnet-a")).thenReturn(settings);
        when(networks.settings("cardnet-b")).thenReturn(settings);
        when(networks.signedOn("cardnet-a")).thenReturn(false);
        when(networks.signedOn("cardnet-b")).thenReturn(true);
        return new NetworkManagementRoutes(networks, management);
    }

    @Test
    void everyNetworkHasASignOnAndAnEchoRoute() {
        assertThat(context.getRoutes()).extracting(route -> route.getRouteId()).containsExactlyInAnyOrder(
                "network.cardnet-a.sign-on", "network.cardnet-a.echo",
                "network.cardnet-b.sign-on", "network.cardnet-b.echo");
    }

    @Test
    void aNetworkNotSignedOnIsSignedOnWithinTheRetryDelay() {
        // The first sign-on comes after SIGN_ON_RETRY_MS; a generous bound holds on a loaded machine.
        verify(management, timeout(10_000)).keepAlive("cardnet-a");
    }
}
