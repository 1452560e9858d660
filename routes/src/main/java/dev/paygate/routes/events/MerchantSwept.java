package dev.paygate.routes.events;

import java.time.LocalDate;

/**
 * The back unit paid a merchant's till to its bank in the daily sweep. Sent to the front unit, which announces
 * it to the merchant; the same sweep may be sent more than once, and is announced once.
 */
public record MerchantSwept(String merchantId, LocalDate businessDay, long amountMinor, String currency, String iban) {
}
