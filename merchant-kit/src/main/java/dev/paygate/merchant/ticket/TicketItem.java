package dev.paygate.merchant.ticket;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;

/**
 * One line of a ticket: claims {@code ref}, {@code label}, {@code qty}, {@code amountMinor} (the unit price).
 *
 * @param ref the merchant's article reference
 * @param label what the customer sees on the payment page
 * @param quantity claim {@code qty}, at least 1
 * @param unitAmountMinor claim {@code amountMinor}: price of one unit in minor units
 */
public record TicketItem(String ref, String label, long quantity, long unitAmountMinor) {

    public static final int LABEL_LENGTH_MAX = 200;
    public static final long QUANTITY_MAX = 1_000_000;

    public TicketItem {
        ClaimRules.requireId(ClaimNames.ITEM_REF, ref);
        ClaimRules.requireText(ClaimNames.ITEM_LABEL, label, LABEL_LENGTH_MAX);
        if (quantity < 1 || quantity > QUANTITY_MAX) {
            throw new IllegalArgumentException(ClaimNames.ITEM_QUANTITY + ": " + quantity + " is outside 1.." + QUANTITY_MAX);
        }
        ClaimRules.requireAmountMinor(ClaimNames.AMOUNT_MINOR, unitAmountMinor);
        lineTotalMinor(ref, quantity, unitAmountMinor);
    }

    /** quantity * unitAmountMinor. */
    public long lineTotalMinor() {
        return lineTotalMinor(ref, quantity, unitAmountMinor);
    }

    private static long lineTotalMinor(String ref, long quantity, long unitAmountMinor) {
        try {
            return ClaimRules.requireAmountMinor(ClaimNames.AMOUNT_MINOR, Math.multiplyExact(quantity, unitAmountMinor));
        } catch (ArithmeticException | IllegalArgumentException tooLarge) {
            throw new IllegalArgumentException("items: line " + ref + " total " + quantity + " x " + unitAmountMinor
                    + " exceeds " + ClaimRules.AMOUNT_MINOR_MAX, tooLarge);
        }
    }
}
