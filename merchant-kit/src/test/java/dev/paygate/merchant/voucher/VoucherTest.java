package dev.paygate.merchant.voucher;

import static dev.paygate.merchant.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.ticket.Ticket;

class VoucherTest {

    private final Ticket ticket = Fixtures.ticket();

    @Test
    void copiesTheTicketAndExpiresSixtySecondsAfterIssue() {
        Voucher voucher = Voucher.forTicket(ticket).voucherId("v-1").registerSerial(42).wallet().issuedAt(NOW).build();

        assertThat(voucher.ticketId()).isEqualTo("tkt-7f3a");
        assertThat(voucher.merchantId()).isEqualTo("shop-42");
        assertThat(voucher.customerId()).isEqualTo("cust-77");
        assertThat(voucher.orderId()).isEqualTo("order-1001");
        assertThat(voucher.serial()).isEqualTo("R1-000123");
        assertThat(voucher.amountMinor()).isEqualTo(3_300);
        assertThat(voucher.vatMinor()).isEqualTo(550);
        assertThat(voucher.currency()).isEqualTo("EUR");
        assertThat(voucher.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void cardPaymentCarriesAuthorizationCodeAndRrnAndOthersDoNot() throws Exception {
        Voucher card = Voucher.forTicket(ticket).registerSerial(43).card("A1B2C3", "612345678901").issuedAt(NOW).build();

        String json = card.toClaims().toString();
        assertThat(json).contains("\"path\":\"card\"", "\"authCode\":\"A1B2C3\"", "\"rrn\":\"612345678901\"", "\"register\":43");
        assertThat(Voucher.fromClaims(JWTClaimsSet.parse(json))).isEqualTo(card);
        assertThat(Voucher.forTicket(ticket).registerSerial(44).wallet().issuedAt(NOW).build().toClaims().toString())
                .doesNotContain("authCode", "rrn");
        assertThatThrownBy(() -> Voucher.forTicket(ticket).registerSerial(45).card(null, "612345678901").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("authCode:");
        assertThatThrownBy(() -> Voucher.forTicket(ticket).registerSerial(45).card("A1B2C3", "123").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rrn:");
    }

    @Test
    void authenticationOnlyIsExactlyTheZeroAmount() {
        Ticket zero = Ticket.simple("shop-42", "verify-1").amountMinor(0).currency("EUR").serial("R1-1")
                .returnUrl(URI.create("https://shop.example/r")).cancelUrl(URI.create("https://shop.example/c")).build();

        assertThat(Voucher.forTicket(zero).customerId("c-1").registerSerial(1).authenticationOnly().build().path())
                .isEqualTo(SettlementPath.AUTH_ONLY);
        assertThatThrownBy(() -> Voucher.forTicket(zero).customerId("c-1").registerSerial(1).wallet().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auth-only is exactly the zero amount");
        assertThatThrownBy(() -> Voucher.forTicket(ticket).registerSerial(1).authenticationOnly().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("path:");
    }

    @Test
    void customerAndRegisterSerialAreRequired() {
        Ticket anonymous = Fixtures.basket().customerId(null).build();

        assertThatThrownBy(() -> Voucher.forTicket(anonymous).registerSerial(1).wallet().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cid:");
        assertThatThrownBy(() -> Voucher.forTicket(ticket).wallet().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("register:");
    }
}
