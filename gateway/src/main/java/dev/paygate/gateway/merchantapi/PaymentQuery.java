package dev.paygate.gateway.merchantapi;

import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.register.PaymentFilter;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.account.AccountRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A merchant's payment search as the API's query parameters and the dashboard's form give it: everything optional,
 * checked here, so a request the back office would refuse is never sent. Days are UTC, both ends included.
 */
public final class PaymentQuery {

    public static final int PAGE_SIZE_MAX = AccountRequest.ENTRIES_MAX;
    public static final int PAGE_MAX = MerchantPayments.OFFSET_MAX / PAGE_SIZE_MAX;
    public static final String RULES = "page 0.." + PAGE_MAX + ", size 1.." + PAGE_SIZE_MAX + ", status one of "
            + Arrays.toString(RegisterStatus.values()) + ", path one of wallet, card, auth-only, from and to days as"
            + " YYYY-MM-DD with from not after to, q at most " + PaymentFilter.TEXT_LENGTH_MAX + " characters.";

    private PaymentQuery() {
    }

    /** The request, or empty when a parameter breaks {@link #RULES}. Blank parameters count as absent. */
    public static Optional<AccountRequest.MerchantTransactions> of(String merchantId, int page, int size, String status,
                                                                   String text, String path, String fromDay,
                                                                   String toDay) {
        if (page < 0 || page > PAGE_MAX || size < 1 || size > PAGE_SIZE_MAX) {
            return Optional.empty();
        }
        try {
            Instant from = blank(fromDay) ? null : day(fromDay).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant before = blank(toDay) ? null : day(toDay).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            return Optional.of(new AccountRequest.MerchantTransactions(merchantId, page, size,
                    blank(status) ? null : RegisterStatus.valueOf(status.strip()).name(),
                    blank(text) ? null : text.strip(),
                    blank(path) ? null : SettlementPath.fromCode(path.strip()).code(),
                    from, before));
        } catch (IllegalArgumentException | DateTimeParseException outOfRules) {
            return Optional.empty();
        }
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
