package dev.paygate.faults;

/**
 * One entry of the transaction register ({@code ledger.register_entry}); {@code network}, {@code stan} and
 * {@code rrn} only for a card entry whose request was sent.
 */
record RegisterEntry(long serial, String ticketId, long amountMinor, String currency, String path, String status,
                     String reason, String network, String stan, String rrn) {

    boolean approved() {
        return "APPROVED".equals(status);
    }

    boolean card() {
        return "card".equals(path);
    }
}
