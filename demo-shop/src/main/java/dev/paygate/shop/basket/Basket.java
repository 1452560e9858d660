package dev.paygate.shop.basket;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer's basket: quantities by article reference, in the order they were first added. Prices
 * are not kept here but read from the catalogue when the basket is shown or checked out. One per HTTP
 * session (see {@link BasketConfiguration}); synchronized because one browser can send requests in parallel.
 */
public class Basket implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A shop limit, far below the ticket format's 1,000,000, so a typo does not order a pallet. */
    public static final int QUANTITY_MAX = 99;

    private final Map<String, Integer> quantityBySku = new LinkedHashMap<>();

    /** Adds units, capped at {@link #QUANTITY_MAX}; returns the article's quantity afterwards. */
    public synchronized int add(String sku, int quantity) {
        requireQuantity(quantity, 1);
        int updated = Math.min(QUANTITY_MAX, quantityBySku.getOrDefault(sku, 0) + quantity);
        quantityBySku.put(sku, updated);
        return updated;
    }

    /** Sets the article's quantity; 0 removes it. */
    public synchronized void setQuantity(String sku, int quantity) {
        requireQuantity(quantity, 0);
        if (quantity == 0) {
            quantityBySku.remove(sku);
        } else {
            quantityBySku.put(sku, quantity);
        }
    }

    public synchronized void remove(String sku) {
        quantityBySku.remove(sku);
    }

    public synchronized void clear() {
        quantityBySku.clear();
    }

    /** A copy, in the order the articles were first added. */
    public synchronized Map<String, Integer> quantities() {
        return new LinkedHashMap<>(quantityBySku);
    }

    /** Units of all articles together, for the header's basket count. */
    public synchronized int unitCount() {
        return quantityBySku.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > QUANTITY_MAX) {
            throw new IllegalArgumentException("quantity " + quantity + " is outside " + min + ".." + QUANTITY_MAX);
        }
    }
}
