package dev.paygate.shop.checkout;

/**
 * A new order and the signed ticket that sends its customer to the payment page.
 *
 * @param order kept in the {@link OrderBook} until the voucher comes back
 * @param compactTicket the JWS compact ticket for {@code PayLink}
 */
public record PaymentStart(Order order, String compactTicket) {
}
