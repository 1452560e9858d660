package dev.paygate.shop.catalogue;

import java.util.regex.Pattern;

/**
 * An article for sale.
 *
 * @param sku the article reference, also the ticket item's {@code ref}: URL-safe, so it can name buttons and paths
 * @param name what the customer sees, also the ticket item's {@code label}
 * @param description one line under the name
 * @param unitPriceMinor price of one unit, VAT included, in minor units of the shop's currency
 */
public record Product(String sku, String name, String description, long unitPriceMinor) {

    private static final Pattern SKU = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Product {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException("sku must be 1 to 64 of a-z, 0-9 and -, not " + sku);
        }
        if (name == null || name.isBlank() || description == null) {
            throw new IllegalArgumentException("product " + sku + " needs a name and a description");
        }
        if (unitPriceMinor <= 0) {
            throw new IllegalArgumentException("product " + sku + " needs a positive price, not " + unitPriceMinor);
        }
    }
}
