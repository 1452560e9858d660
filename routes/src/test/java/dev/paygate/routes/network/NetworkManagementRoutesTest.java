package dev.paygate.routes.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The echo template: one echo route per configured network, firing only while its link is signed on. Mocked. */
class NetworkManagementRoutesTest extends CamelTestSupport {

    private final CardNetworks networks = mock(CardNetworks.class);
    private final NetworkManagement management = mock(NetworkManagement.class);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        when(networks.names()).thenReturn(Set.of("cardnet-a", "cardnet-b"));
        CardNetworkProperties.Network settings =
                new CardNetworkProperties.Network("127.0.0.1", 1, "", false, 1000, 100, 100, 1_000, "");
        when(networks.settings("cardnet-a")).thenReturn(settings);
        when(networks.settings("cardnet-b")).thenReturn(settings);
        when(networks.isConnected("cardnet-a")).thenReturn(false);
        when(networks.isConnected("cardnet-b")).thenReturn(true);
        return new NetworkManagementRoutes(networks, management);
    }

    @Test
    void everyNetworkHasAnEchoRoute() {
        assertThat(context.getRoutes()).extracting(route -> route.getRouteId())
                .containsExactlyInAnyOrder("network.cardnet-a.echo", "network.cardnet-b.echo");
    }

    @Test
    void onlyASignedOnLinkIsEchoed() {
        // The echo interval is 100 ms here; a generous bound holds on a loaded machine.
        verify(management, timeout(10_000).atLeast(2)).keepAlive("cardnet-b");
        verify(management, never()).keepAlive("cardnet-a");
    }
}
