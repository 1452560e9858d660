package dev.paygate.faults;

/** One entry of the merchant's transaction register, as {@code GET /api/v1/merchants/me/transactions} lists it. */
record RegisterEntry(long serial, String ticketId, long amountMinor, String currency, String path, String status,
                     String reason) {

    boolean approved() {
        return "APPROVED".equals(status);
    }
}
