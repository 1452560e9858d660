package dev.paygate.merchant.ticket;

import dev.paygate.merchant.jose.ClaimCode;
import dev.paygate.merchant.jose.ClaimNames;

/** Claim {@code type}: one priced purchase, or a basket of item lines that must add up to the amount. */
public enum TicketType implements ClaimCode {
    SIMPLE,
    BASKET;

    public static TicketType fromCode(String code) {
        return ClaimCode.fromCode(ClaimNames.TICKET_TYPE, TicketType.class, code);
    }
}
