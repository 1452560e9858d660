package dev.paygate.gateway.payment;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What every payment-flow test starts from: the front over HTTP, a fresh merchant and a fresh customer.
 * Subclasses carry {@link FrontUnitTest} themselves: JUnit finds extensions only on the test class.
 */
abstract class FrontFlowTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    StubPaymentHandover backUnit;

    FrontHttp http;
    FrontFixture fixture;
    FrontFixture.Merchant merchant;
    String customerId;

    @BeforeEach
    void newMerchantAndCustomer() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        merchant = fixture.newMerchant("Demo Roastery");
        customerId = fixture.newCustomer();
        // A browser that once showed a payment page holds a session and its CSRF token: its later confirms of a
        // ticket that expired or was tampered with meanwhile reach the ticket checks.
        http.get("/pay/" + fixture.signedTicket(merchant, customerId, 100));
    }
}
