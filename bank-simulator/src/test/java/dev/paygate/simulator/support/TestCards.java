package dev.paygate.simulator.support;

import java.time.YearMonth;

/** The PANs of config/bank-simulator/cards.csv that the tests use. */
public final class TestCards {

    public static final YearMonth EXPIRY = YearMonth.of(2049, 12);
    public static final YearMonth EXPIRED = YearMonth.of(2020, 1);

    public static final String ALWAYS_APPROVE = "4000000000000002";
    public static final String DECLINE = "4000000000000010";
    public static final String INSUFFICIENT_FUNDS = "4000000000000028";
    public static final String EXPIRED_CARD = "4000000000000036";
    public static final String BLOCKED = "4000000000000044";
    public static final String LOST = "4000000000000051";
    public static final String DAILY_LIMIT = "4000000000000069";
    public static final String SLOW = "4000000000000077";
    public static final String NO_ANSWER = "4000000000000085";
    public static final String CLOSE_CONNECTION = "4000000000000093";
    public static final String DROPS_FIRST_REVERSAL_ANSWER = "4000000000000150";
    public static final String LATE = "4000000000000168";
    public static final String BAD_MAC = "4000000000000176";
    public static final String GARBAGE = "4000000000000101";
    public static final String ISSUER_UNAVAILABLE = "4000000000000119";
    public static final String SYSTEM_ERROR = "4000000000000127";
    public static final String EVERYDAY = "4000000000000135";
    public static final String USD_ACCOUNT = "4000000000000143";
    public static final String UNKNOWN = "4000009999999991";
    public static final String CARDNET_B_ALWAYS_APPROVE = "5100000000000008";
    public static final String CARDNET_B_EVERYDAY = "5100000000000016";
    public static final String CARDNET_B_INSUFFICIENT_FUNDS = "5100000000000024";
    public static final String CARDNET_B_DECLINE = "5100000000000032";

    private TestCards() {
    }
}
