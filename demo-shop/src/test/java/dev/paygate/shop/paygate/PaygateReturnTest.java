package dev.paygate.shop.paygate;

import static dev.paygate.shop.PageElements.attribute;
import static dev.paygate.shop.PageElements.hasElement;
import static dev.paygate.shop.PageElements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.shop.DemoMerchantKey;
import dev.paygate.shop.ShopWebTest;
import dev.paygate.shop.checkout.OrderBook;

/**
 * The return and cancel URLs against vouchers and refusals signed by a test server key, whose JWKS the
 * shop fetches over real HTTP from a loopback server, as it would from the gateway.
 */
@ShopWebTest
class PaygateReturnTest {

    private static final TestPaygateServer paygate = TestPaygateServer.start();
    private static final long REGISTER_SERIAL = 42;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OrderBook orders;
    private final MockHttpSession session = new MockHttpSession();

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("shop.gateway-url", paygate::baseUrl);
    }

    @AfterAll
    static void stopPaygate() {
        paygate.close();
    }

    @Test
    void aWalletVoucherDeliversTheOrderAndEmptiesTheBasket() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 2);
        String voucher = walletVoucher(ticket);

        String page = returnWith(voucher).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(attribute(page, "delivery", "data-order-id")).isEqualTo(ticket.orderId());
        assertThat(attribute(page, "delivery", "data-path")).isEqualTo("wallet");
        assertThat(attribute(page, "delivery", "data-register")).isEqualTo("42");
        assertThat(attribute(page, "delivery-total", "data-amount-minor")).isEqualTo("900");
        assertThat(attribute(page, "delivery-vat", "data-amount-minor")).isEqualTo("150");
        assertThat(page).contains("Paid from your Paygate wallet", ticket.serial(), "<details");
        assertThat(hasElement(page, "approval-code")).isFalse();
        assertThat(page).contains("&quot;path&quot; : &quot;wallet&quot;");
        assertThat(orders.find(ticket.orderId()).orElseThrow().delivery()).isPresent();
        assertThat(page).contains("<span class=\"count\">0</span>");
        assertThat(hasElement(basketPage(), "basket-empty")).isTrue();
    }

    @Test
    void aBuyNowDeliveryLeavesTheBasketAlone() throws Exception {
        mvc.perform(post("/basket/items").param("sku", "house-blend").session(session));
        String location = mvc.perform(post("/checkout/buy-now").param("sku", "espresso-cup").session(session))
                .andReturn().getResponse().getRedirectedUrl();
        Ticket ticket = DemoMerchantKey.verifiedTicket(DemoMerchantKey.ticketOfPayUrl(location));

        returnWith(walletVoucher(ticket)).andExpect(status().isOk());

        assertThat(attribute(basketPage(), "line-house-blend", "data-quantity")).isEqualTo("1");
    }

    @Test
    void aCardVoucherShowsTheApprovalCodeAndRrn() throws Exception {
        Ticket ticket = checkOut("espresso-machine", 1);
        String voucher = paygate.sign(Voucher.forTicket(ticket).customerId("alice").registerSerial(REGISTER_SERIAL)
                .card("A1B2C3", "633012345678").build());

        String page = returnWith(voucher).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(attribute(page, "delivery", "data-path")).isEqualTo("card");
        assertThat(text(page, "approval-code")).isEqualTo("A1B2C3");
        assertThat(text(page, "rrn")).isEqualTo("633012345678");
        assertThat(page).contains("Charged to your card", "EUR 120.00");
    }

    @Test
    void aReloadOfTheDeliveryPageShowsTheSameDeliveryAndDeliversNothingMore() throws Exception {
        Ticket ticket = checkOut("house-blend", 1);
        String voucher = walletVoucher(ticket);
        String first = returnWith(voucher).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String reload = returnWith(voucher).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(hasElement(first, "delivered-earlier")).isFalse();
        assertThat(hasElement(reload, "delivery")).isTrue();
        assertThat(hasElement(reload, "delivered-earlier")).isTrue();
        assertThat(text(reload, "order-id")).isEqualTo(text(first, "order-id"));
    }

    @Test
    void aSecondVoucherForAnOrderDeliveredBeforeDeliversNothing() throws Exception {
        Ticket ticket = checkOut("house-blend", 1);
        returnWith(walletVoucher(ticket))
                .andExpect(status().isOk());
        String another = paygate.sign(Voucher.forTicket(ticket).customerId("alice").registerSerial(REGISTER_SERIAL + 1)
                .wallet().build());

        String page = rejectedPage(another, HttpStatus.CONFLICT);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo(VoucherAcceptance.ALREADY_DELIVERED);
    }

    @Test
    void aTamperedVoucherIsRefusedForItsSignature() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        String voucher = walletVoucher(ticket);
        String tampered = withPayload(voucher, payload(voucher).replace("\"register\":42", "\"register\":43"));
        assertThat(payload(tampered)).contains("\"register\":43");

        String page = rejectedPage(tampered, HttpStatus.BAD_REQUEST);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo("bad_signature");
        assertThat(orders.find(ticket.orderId()).orElseThrow().delivery()).isEmpty();
    }

    @Test
    void aVoucherForAnotherTicketOfTheSameOrderIdIsRefused() throws Exception {
        Ticket ticket = checkOut("espresso-machine", 1);
        // A cheaper ticket that borrows the order id: paying it must not deliver the espresso machine.
        Ticket cheaper = espressoCupTicket(ticket, ticket.orderId());

        String page = rejectedPage(walletVoucher(cheaper), HttpStatus.BAD_REQUEST);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo("mismatch:tid");
        assertThat(orders.find(ticket.orderId()).orElseThrow().delivery()).isEmpty();
    }

    @Test
    void aVoucherForAnOrderThisShopNeverIssuedIsRefused() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        Ticket foreign = espressoCupTicket(ticket, "DC-NOTOURS001");

        String page = rejectedPage(walletVoucher(foreign), HttpStatus.NOT_FOUND);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo(VoucherAcceptance.UNKNOWN_ORDER);
    }

    @Test
    void aVoucherSignedWithAKeyThePaymentServerDoesNotPublishIsRefused() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        String forged = TestPaygateServer.impostor()
                .sign(Voucher.forTicket(ticket).customerId("mallory").registerSerial(REGISTER_SERIAL).wallet().build());

        String page = rejectedPage(forged, HttpStatus.BAD_REQUEST);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo("bad_signature");
    }

    @Test
    void anExpiredVoucherIsRefused() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        String voucher = paygate.sign(Voucher.forTicket(ticket).customerId("alice").registerSerial(REGISTER_SERIAL)
                .wallet().issuedAt(Instant.now().minus(Duration.ofMinutes(10))).build());

        String page = rejectedPage(voucher, HttpStatus.BAD_REQUEST);

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo("expired");
    }

    @Test
    void aReturnWithoutAVoucherDeliversNothing() throws Exception {
        String page = mvc.perform(get("/paygate/return").session(session)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(attribute(page, "voucher-rejected", "data-code")).isEqualTo("malformed");
    }

    @Test
    void aVerifiedRefusalShowsItsReasonAndMessage() throws Exception {
        Ticket ticket = checkOut("house-blend", 1);
        String refusal = paygate.sign(Refusal.forTicket(ticket, RefusalReason.INSUFFICIENT_FUNDS,
                "Your wallet balance is too low for this payment.", Instant.now()));

        String page = cancelWith(refusal);

        assertThat(attribute(page, "cancelled", "data-reason")).isEqualTo("insufficient_funds");
        assertThat(page).contains("Payment refused: insufficient_funds");
        assertThat(text(page, "refusal-message")).isEqualTo("Your wallet balance is too low for this payment.");
        assertThat(text(page, "order-id")).isEqualTo(ticket.orderId());
        assertThat(attribute(basketPage(), "line-house-blend", "data-quantity")).as("the basket stays").isEqualTo("1");
    }

    @Test
    void aCancelOnThePaymentPageSaysCancelled() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        String refusal = paygate.sign(Refusal.forTicket(ticket, RefusalReason.CANCELLED, "You cancelled the payment.",
                Instant.now()));

        String page = cancelWith(refusal);

        assertThat(attribute(page, "cancelled", "data-reason")).isEqualTo("cancelled");
        assertThat(page).contains("<h1>Payment cancelled</h1>", "Payment cancelled: cancelled");
    }

    @Test
    void aForgedRefusalIsNotBelieved() throws Exception {
        Ticket ticket = checkOut("espresso-cup", 1);
        String forged = TestPaygateServer.impostor().sign(Refusal.forTicket(ticket, RefusalReason.CARD_DECLINED,
                "Declined.", Instant.now()));

        String page = cancelWith(forged);

        assertThat(attribute(page, "cancelled", "data-reason")).isEqualTo(CancelOutcome.UNVERIFIED);
        assertThat(text(page, "rejection-code")).isEqualTo("bad_signature");
        assertThat(page).doesNotContain("card_declined");
    }

    @Test
    void comingBackWithoutARefusalKeepsTheBasket() throws Exception {
        checkOut("espresso-cup", 1);

        String page = mvc.perform(get("/paygate/cancel").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(attribute(page, "cancelled", "data-reason")).isEqualTo(CancelOutcome.NO_REFUSAL);
        assertThat(hasElement(page, "back-to-basket")).isTrue();
        assertThat(hasElement(basketPage(), "checkout")).isTrue();
    }

    private Ticket checkOut(String sku, int quantity) throws Exception {
        mvc.perform(post("/basket/items").param("sku", sku).param("quantity", String.valueOf(quantity))
                .session(session));
        String location = mvc.perform(post("/checkout").session(session)).andExpect(status().isSeeOther())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(paygate.baseUrl() + "/pay/");
        return DemoMerchantKey.verifiedTicket(DemoMerchantKey.ticketOfPayUrl(location));
    }

    private String walletVoucher(Ticket ticket) {
        return paygate.sign(Voucher.forTicket(ticket).customerId("alice").registerSerial(REGISTER_SERIAL)
                .wallet().build());
    }

    /** A ticket for one espresso cup under the given order id, with the other fields of {@code model}. */
    private static Ticket espressoCupTicket(Ticket model, String orderId) {
        return Ticket.simple(model.merchantId(), orderId).item("espresso-cup", "Espresso cup", 1, 450)
                .currency(model.currency()).serial(model.serial())
                .returnUrl(model.returnUrl()).cancelUrl(model.cancelUrl())
                .build();
    }

    private String rejectedPage(String voucher, HttpStatus expected) throws Exception {
        return returnWith(voucher).andExpect(status().is(expected.value()))
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions returnWith(String voucher) throws Exception {
        return mvc.perform(get("/paygate/return").param("voucher", voucher).session(session));
    }

    private String cancelWith(String refusal) throws Exception {
        return mvc.perform(get("/paygate/cancel").param("refusal", refusal).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String basketPage() throws Exception {
        return mvc.perform(get("/basket").session(session)).andReturn().getResponse().getContentAsString();
    }

    private static String payload(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String withPayload(String compact, String payloadJson) {
        String[] parts = compact.split("\\.");
        byte[] json = payloadJson.getBytes(StandardCharsets.UTF_8);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json) + "." + parts[2];
    }
}
