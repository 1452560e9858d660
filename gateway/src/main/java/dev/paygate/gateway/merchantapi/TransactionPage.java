package dev.paygate.gateway.merchantapi;

import dev.paygate.routes.account.HistoryEntry;
import java.util.List;

/** A page of the merchant's register entries; {@code totalEntries} counts every match of the filters. */
record TransactionPage(int page, int size, long totalEntries, List<HistoryEntry> entries) {
}
