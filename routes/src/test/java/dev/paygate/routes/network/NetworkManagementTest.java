package dev.paygate.routes.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 0800 exchanges alone, on a mocked link: what each answer does to the link. */
class NetworkManagementTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC);
    private static final long CONNECTION = 5;

    private final CardNetworks networks = mock(CardNetworks.class);
    private final CardLink link = mock(CardLink.class);
    private final CardLinkAdaptor adaptor = mock(CardLinkAdaptor.class);
    private final DatabaseStanSequence stans = mock(DatabaseStanSequence.class);
    private final AtomicReference<String> answerCode = new AtomicReference<>("00");
    private NetworkManagement management;

    @BeforeEach
    void aConnectedLinkThatAnswers() throws Exception {
        when(networks.names()).thenReturn(Set.of("cardnet-a"));
        when(networks.link("cardnet-a")).thenReturn(link);
        when(networks.settings("cardnet-a")).thenReturn(new CardNetworkProperties.Network(
                "127.0.0.1", 1, "", false, 500, 60_000, 1_000, 60_000, "12345678901"));
        when(link.adaptor()).thenReturn(adaptor);
        when(link.status()).thenReturn(new LinkStatus(LinkState.DOWN, CLOCK.instant(), null, 0, 0, null));
        when(adaptor.connection()).thenReturn(CONNECTION);
        when(stans.next(eq("cardnet-a"), any())).thenReturn(7);
        when(link.exchange(any(), anyLong())).thenAnswer(call -> {
            NetworkManagementRequest request = NetworkManagementRequest.fromIsoMsg((ISOMsg) call.getArgument(0), CLOCK);
            return new LinkAnswer.Answered(new NetworkManagementResponse(request.code(), request.stan(),
                    request.transmittedAt(), answerCode.get()).toIsoMsg());
        });
        management = new NetworkManagement(networks, stans, CLOCK);
    }

    @AfterEach
    void stop() {
        management.close();
    }

    @Test
    void signsOnEveryNewConnectionAndLetsPaymentsGoOnceAccepted() {
        management.linkUp("cardnet-a", CONNECTION);

        verify(adaptor, timeout(5_000)).signedOn(CONNECTION);
    }

    @Test
    void dropsTheConnectionWhenTheSignOnIsRefused() {
        answerCode.set(ResponseCode.SYSTEM_MALFUNCTION.code());

        ManagementResult result = management.signOn("cardnet-a");

        assertThat(result.outcome()).isEqualTo(ManagementResult.Outcome.REFUSED);
        assertThat(result.responseCode()).isEqualTo("96");
        verify(adaptor).dropLink(eq(CONNECTION), eq(LinkLoss.SIGN_ON_FAILED), startsWith("sign_on refused"));
        verify(adaptor, never()).signedOn(anyLong());
    }

    @Test
    void dropsTheConnectionWhenAnEchoGoesUnanswered() throws Exception {
        doReturn(LinkAnswer.UNANSWERED).when(link).exchange(any(), anyLong());

        ManagementResult result = management.echo("cardnet-a");

        assertThat(result.outcome()).isEqualTo(ManagementResult.Outcome.NO_ANSWER);
        assertThat(management.view("cardnet-a").lastEcho()).isEqualTo(result);
        verify(adaptor).dropLink(CONNECTION, LinkLoss.ECHO_FAILED, "echo no_answer");
    }

    @Test
    void anOperatorsSignOffStopsPaymentsAndHoldsAcrossReconnectsUntilAnOperatorSignsOn() throws Exception {
        ManagementResult signedOff = management.signOffAsOperator("cardnet-a", "ops-anna");
        management.linkUp("cardnet-a", CONNECTION + 1);

        assertThat(signedOff.action()).isEqualTo(NetworkManagementCode.SIGN_OFF);
        verify(adaptor).signedOff();
        assertThat(management.view("cardnet-a").signedOffByOperator()).isTrue();
        assertThat(management.view("cardnet-a").lastOperatorAction().operator()).isEqualTo("ops-anna");
        verify(adaptor, never()).signedOn(anyLong());

        management.signOnAsOperator("cardnet-a", "ops-anna");

        verify(adaptor).signedOn(CONNECTION);
        assertThat(management.view("cardnet-a").signedOffByOperator()).isFalse();
    }

    @Test
    void sendsNothingAndDropsNothingOnALinkThatIsDown() throws Exception {
        doReturn(LinkAnswer.NOT_SENT).when(link).exchange(any(), anyLong());

        assertThat(management.echoAsOperator("cardnet-a", "ops-anna").outcome())
                .isEqualTo(ManagementResult.Outcome.LINK_DOWN);
        verify(adaptor, never()).dropLink(anyLong(), any(), any());
    }
}
