package dev.paygate.merchant.ticket;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;

/** Claim {@code type}: one priced purchase, or a basket of item lines that must add up to the amount. */
public enum TicketType {
    SIMPLE,
    BASKET;

    /** {@code simple} or {@code basket}. */
    public String code() {
        return ClaimRules.code(this);
    }

    public static TicketType fromCode(String code) {
        return ClaimRules.requireCode(ClaimNames.TICKET_TYPE, TicketType.class, code);
    }
}
