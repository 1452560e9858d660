package dev.paygate.ledger.register;

/**
 * One line of a basket ticket.
 *
 * @param amountMinor the line's amount, in the order's currency
 */
public record OrderItem(String ref, String label, int quantity, long amountMinor) {

    public OrderItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative: " + amountMinor);
        }
    }
}
