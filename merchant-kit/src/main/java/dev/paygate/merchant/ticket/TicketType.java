package dev.paygate.merchant.ticket;

/** Claim {@code type}: one priced purchase, or a basket of item lines that must add up to the amount. */
public enum TicketType {
    SIMPLE("simple"),
    BASKET("basket");

    private final String code;

    TicketType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TicketType fromCode(String code) {
        for (TicketType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type: '" + code + "' is neither simple nor basket");
    }
}
