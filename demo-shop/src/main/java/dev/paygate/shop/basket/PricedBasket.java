package dev.paygate.shop.basket;

import java.util.List;

/**
 * A basket at today's catalogue prices.
 *
 * @param lines the articles, in the order they were added
 * @param totalMinor what the customer pays, VAT included
 * @param vatMinor the VAT included in {@code totalMinor}, computed once on the total
 * @param currency ISO 4217 code of both amounts
 */
public record PricedBasket(List<BasketLine> lines, long totalMinor, long vatMinor, String currency) {

    public PricedBasket {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
