package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

class PaymentPageAdviceTest {

    private final PaymentPageAdvice advice = new PaymentPageAdvice();

    @Test
    void aPageThatFindsTheDatabaseAwayAnswers503AndAsksAgainByItself() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = advice.fault(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new MockHttpServletRequest("GET", "/pay/ticket"), response);

        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(page.getModel().get("message").toString()).contains("unavailable for a moment", "try again");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("Refresh")).isEqualTo("5");
    }

    @Test
    void aConfirmThatFindsTheDatabaseAwayIsNeverPostedAgainByTheBrowser() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = advice.fault(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new MockHttpServletRequest("POST", "/pay/confirm"), response);

        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(page.getModel().get("message").toString()).contains("taken at most once");
        assertThat(response.getHeader("Refresh")).isNull();
    }

    @Test
    void anyOtherFaultIsA500WithoutDetail() {
        ModelAndView page = advice.fault(new IllegalStateException("secret detail"),
                new MockHttpServletRequest("GET", "/pay/ticket"), new MockHttpServletResponse());

        assertThat(page.getStatus().value()).isEqualTo(500);
        assertThat(page.getModel().get("message").toString()).doesNotContain("secret detail");
    }
}
