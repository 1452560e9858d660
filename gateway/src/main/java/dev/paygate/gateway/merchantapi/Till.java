package dev.paygate.gateway.merchantapi;

/** The merchant's till: what the next sweep pays out. */
record Till(String merchantId, String currency, long balanceMinor) {
}
