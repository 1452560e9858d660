package dev.paygate.routes.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.jms.JMSException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** A back office that cannot be reached reads as one that did not answer, never as a fault for the page. */
class AccountDeskTest {

    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final AccountDesk desk = new AccountDesk(producer, new AccountCodec(), new AccountProperties(
            "paygate.account.request", 20_000, 2_000, 4, new AccountProperties.TopUpAcceptor("PGTOPUP1",
            "PAYGATETOPUP001", "Paygate wallet top-up    Berlin       DE", "6540")));

    @Test
    void aBrokerFailingOverWhileTheRequestIsSentIsTheBackOfficeUnavailable() {
        when(producer.requestBodyAndHeader(eq(FrontAccountRoutes.REQUEST), anyString(), anyString(), any(),
                eq(String.class))).thenThrow(new CamelExecutionException("send failed", null,
                new JMSException("AMQ219016: Connection failure detected")));

        assertThatThrownBy(() -> desk.paymentMethod("alice", 4_500, "EUR"))
                .isInstanceOfSatisfying(AccountDeskException.class,
                        unavailable -> assertThat(unavailable.reason()).isEqualTo(AccountDeskException.UNAVAILABLE));
    }

    @Test
    void noAnswerInTimeIsTheBackOfficeUnavailable() {
        when(producer.requestBodyAndHeader(eq(FrontAccountRoutes.REQUEST), anyString(), anyString(), any(),
                eq(String.class))).thenReturn(null);

        assertThatThrownBy(() -> desk.customerOverview("alice", 10))
                .isInstanceOfSatisfying(AccountDeskException.class,
                        unavailable -> assertThat(unavailable.reason()).isEqualTo(AccountDeskException.UNAVAILABLE));
    }
}
