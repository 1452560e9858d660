package dev.paygate.gateway.merchantapi;

import dev.paygate.routes.account.HistoryEntry;
import java.util.List;

/** A page of the merchant's register entries; {@code totalEntries} counts the matches among the newest 500. */
record TransactionPage(int page, int size, int totalEntries, List<HistoryEntry> entries) {
}
