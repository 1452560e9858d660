package dev.paygate.routes.networkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.network.LinkState;
import dev.paygate.routes.network.LinkStatus;
import dev.paygate.routes.network.LinkView;
import dev.paygate.routes.network.ManagementResult;
import dev.paygate.routes.network.NetworkManagement;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A back unit's side of the desk alone: what it reports of its links and how it carries out a command. */
class BackNetworkDeskTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final CardNetworks networks = mock(CardNetworks.class);
    private final NetworkManagement management = mock(NetworkManagement.class);
    private final ReversalQueue reversals = mock(ReversalQueue.class);
    private final BackNetworkDesk desk = new BackNetworkDesk(networks, management, reversals,
            new NetworkDeskProperties("paygate.network.command", "back-7", 500, 15_000), CLOCK);

    @BeforeEach
    void twoNetworks() {
        when(networks.names()).thenReturn(Set.of("cardnet-b", "cardnet-a"));
        when(management.view("cardnet-a")).thenReturn(new LinkView("cardnet-a",
                new LinkStatus(LinkState.SIGNED_ON, NOW, NOW, 2, 0, null), 1, null, false, null));
        when(management.view("cardnet-b")).thenReturn(new LinkView("cardnet-b",
                new LinkStatus(LinkState.DOWN, NOW, null, 4, 3, NOW.plusSeconds(4)), 0, null, false, null));
        when(reversals.pendingCountByNetwork()).thenReturn(Map.of("cardnet-b", 2));
    }

    @Test
    void reportsEachLinkWithItsStateBackOffInFlightAndReversalsWaitingToTheSecond() {
        BackReport report = desk.carryOut(new NetworkCommand("c1", NetworkCommand.Action.STATUS, null, null, null));

        assertThat(report.back()).isEqualTo("back-7");
        assertThat(report.answeredAt()).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(report.action()).isNull();
        assertThat(report.networks()).extracting(BackReport.LinkReport::network, BackReport.LinkReport::state,
                        BackReport.LinkReport::inFlight, BackReport.LinkReport::safDepth,
                        BackReport.LinkReport::failuresSinceSignOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cardnet-a", "signed_on", 1, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("cardnet-b", "down", 0, 2, 3));
        assertThat(report.networks().get(1).nextAttemptAt()).isEqualTo(Instant.parse("2026-12-07T15:00:04Z"));
    }

    @Test
    void signsOffThroughNetworkManagementInTheOperatorsName() {
        when(management.signOffAsOperator("cardnet-a", "ops-anna")).thenReturn(new ManagementResult(
                NetworkManagementCode.SIGN_OFF, ManagementResult.Outcome.APPROVED, "00", NOW));

        BackReport report = desk.carryOut(new NetworkCommand("c2", NetworkCommand.Action.SIGN_OFF, "cardnet-a", null,
                "ops-anna"));

        assertThat(report.action()).isEqualTo(new BackReport.Result("sign_off", "approved", "00", NOW));
    }

    @Test
    void answersUnknownNetworkWithoutTouchingAnyLink() {
        BackReport report = desk.carryOut(new NetworkCommand("c3", NetworkCommand.Action.ECHO, "cardnet-x", null,
                "ops-anna"));

        assertThat(report.action().outcome()).isEqualTo(BackReport.Result.UNKNOWN_NETWORK);
        verify(management, never()).echoAsOperator(anyString(), anyString());
    }
}
