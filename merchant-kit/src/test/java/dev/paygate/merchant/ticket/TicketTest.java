package dev.paygate.merchant.ticket;

import static dev.paygate.merchant.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.InvalidClaimsException;

class TicketTest {

    @Test
    void basketAmountDefaultsToTheSumOfItemLines() {
        Ticket ticket = Fixtures.ticket();

        assertThat(ticket.amountMinor()).isEqualTo(2 * 1_250 + 800);
        assertThat(ticket.itemsTotalMinor()).isEqualTo(3_300);
        assertThat(ticket.type()).isEqualTo(TicketType.BASKET);
        assertThat(ticket.expiresAt()).isEqualTo(NOW.plus(Ticket.DEFAULT_VALIDITY));
    }

    @Test
    void basketWhoseItemsDoNotAddUpToTheAmountIsRefusedWithBothSums() {
        assertThatThrownBy(() -> Fixtures.basket().amountMinor(3_000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amountMinor: items add up to 3300 but amountMinor is 3000");
    }

    @Test
    void basketNeedsAtLeastOneItem() {
        assertThatThrownBy(() -> Ticket.basket("shop-42", "o-1").amountMinor(100).currency("EUR").serial("s")
                .returnUrl(URI.create("https://s.example/r")).cancelUrl(URI.create("https://s.example/c")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one item");
    }

    @Test
    void simpleTicketCarriesNoItemOrOneThatMatchesTheAmount() {
        Ticket.Builder simple = Ticket.simple("shop-42", "o-1").currency("EUR").serial("s-1")
                .returnUrl(URI.create("https://s.example/r")).cancelUrl(URI.create("https://s.example/c"));

        assertThat(simple.amountMinor(1_990).build().items()).isEmpty();
        assertThat(simple.item("gift", "Gift card", 1, 1_990).build().amountMinor()).isEqualTo(1_990);
        assertThatThrownBy(() -> simple.item("pen", "Pen", 1, 10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one item or none");
    }

    @Test
    void simpleTicketWithoutItemsNeedsAnAmount() {
        assertThatThrownBy(() -> Ticket.simple("shop-42", "o-1").currency("EUR").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amountMinor: is required");
    }

    @Test
    void vatCannotExceedTheAmount() {
        assertThatThrownBy(() -> Fixtures.basket().vatMinor(3_301).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("vatMinor: 3301 exceeds amountMinor 3300");
    }

    @Test
    void currencyMustBeAnUpperCaseIso4217Code() {
        assertThatThrownBy(() -> Fixtures.basket().currency("eur").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper-case ISO 4217");
        assertThatThrownBy(() -> Fixtures.basket().currency("ABC").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ISO 4217 currency");
    }

    @Test
    void idsAreUrlSafe() {
        assertThatThrownBy(() -> Ticket.simple("shop 42", "o-1").amountMinor(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mid:");
    }

    @Test
    void returnUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> Fixtures.basket().returnUrl(URI.create("javascript:alert(1)")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returnUrl:");
        assertThatThrownBy(() -> Fixtures.basket().cancelUrl(URI.create("/cart")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cancelUrl:");
    }

    @Test
    void itemLinesThatOverflowAreRefusedNotWrapped() {
        assertThatThrownBy(() -> new TicketItem("big", "Big", 1_000_000, ClaimRules.AMOUNT_MINOR_MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new TicketItem("neg", "Negative", 1, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..");
        assertThatThrownBy(() -> new TicketItem("zero", "None", 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("qty:");
    }

    @Test
    void timesAreWholeSecondsAndExpiryFollowsIssue() {
        Ticket ticket = Fixtures.basket().issuedAt(NOW.plusMillis(750)).validFor(Duration.ofMinutes(5)).build();

        assertThat(ticket.issuedAt()).isEqualTo(NOW);
        assertThat(ticket.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThatThrownBy(() -> new Ticket("t", "m", null, "o", TicketType.SIMPLE, List.of(), 1, 0, "EUR",
                "s", NOW, NOW, URI.create("https://a.example"), URI.create("https://a.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("exp:");
    }

    @Test
    void claimsRoundTripToAnEqualTicket() throws Exception {
        Ticket ticket = Fixtures.ticket();

        JWTClaimsSet claims = JWTClaimsSet.parse(ticket.toClaims().toString());

        assertThat(Ticket.fromClaims(claims)).isEqualTo(ticket);
    }

    @Test
    void claimsUseThePublishedNames() {
        String json = Fixtures.basket().build().toClaims().toString();

        assertThat(json).contains("\"mid\":\"shop-42\"", "\"cid\":\"cust-77\"", "\"oid\":\"order-1001\"",
                "\"type\":\"basket\"", "\"ref\":\"sku-1\"", "\"label\":\"Coffee beans 1 kg\"", "\"qty\":2",
                "\"amountMinor\":1250", "\"amountMinor\":3300", "\"vatMinor\":550", "\"currency\":\"EUR\"",
                "\"serial\":\"R1-000123\"", "\"jti\":\"tkt-7f3a\"", "\"returnUrl\":\"https://shop.example/paygate/return\"",
                "\"cancelUrl\":\"https://shop.example/cart\"", "\"iat\":" + NOW.getEpochSecond(),
                "\"exp\":" + NOW.plus(Ticket.DEFAULT_VALIDITY).getEpochSecond());
    }

    @Test
    void customerIdIsOmittedWhenThePaymentPageMustAsk() throws Exception {
        Ticket anonymous = Fixtures.basket().customerId(null).build();

        assertThat(anonymous.toClaims().getClaim("cid")).isNull();
        assertThat(Ticket.fromClaims(anonymous.toClaims()).customerId()).isNull();
    }

    @Test
    void parsedClaimsBreakingTheBasketRuleAreInvalid() throws Exception {
        String json = Fixtures.ticket().toClaims().toString().replace("\"amountMinor\":3300", "\"amountMinor\":3000");

        assertThatThrownBy(() -> Ticket.fromClaims(JWTClaimsSet.parse(json)))
                .isInstanceOf(InvalidClaimsException.class)
                .hasMessage("amountMinor: items add up to 3300 but amountMinor is 3000");
    }

    @Test
    void unknownTicketTypeIsInvalid() throws Exception {
        String json = Fixtures.ticket().toClaims().toString().replace("\"basket\"", "\"subscription\"");

        assertThatThrownBy(() -> Ticket.fromClaims(JWTClaimsSet.parse(json)))
                .isInstanceOf(InvalidClaimsException.class).hasMessageContaining("is not simple or basket");
    }

    @Test
    void generatedTicketIdsAreUniqueAndUrlSafe() {
        Ticket.Builder builder = Ticket.simple("shop-42", "o-1").amountMinor(1).currency("EUR").serial("s")
                .returnUrl(URI.create("https://s.example/r")).cancelUrl(URI.create("https://s.example/c"))
                .issuedAt(Instant.EPOCH.plusSeconds(1));

        String first = builder.build().ticketId();
        String second = builder.build().ticketId();

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{22}");
    }
}
