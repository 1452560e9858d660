package dev.paygate.shop.basket;

import dev.paygate.shop.catalogue.Product;

/** One article of a priced basket. */
public record BasketLine(Product product, int quantity) {

    public long lineTotalMinor() {
        return Math.multiplyExact(product.unitPriceMinor(), quantity);
    }
}
