package dev.paygate.routes.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.register.PaymentFilter;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the front unit may ask the back office. Each request is checked where it is built, so the front
 * never sends one the back would have to reject; the back checks again when it decodes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AccountRequest.CustomerOverview.class, name = "customer-overview"),
        @JsonSubTypes.Type(value = AccountRequest.MerchantTill.class, name = "merchant-till"),
        @JsonSubTypes.Type(value = AccountRequest.MerchantTransactions.class, name = "merchant-transactions"),
        @JsonSubTypes.Type(value = AccountRequest.MerchantPayment.class, name = "merchant-payment"),
        @JsonSubTypes.Type(value = AccountRequest.SettlementExtract.class, name = "settlement-extract"),
        @JsonSubTypes.Type(value = AccountRequest.WalletRefund.class, name = "wallet-refund"),
        @JsonSubTypes.Type(value = AccountRequest.WalletTopUp.class, name = "wallet-top-up"),
        @JsonSubTypes.Type(value = AccountRequest.PaymentMessages.class, name = "payment-messages"),
        @JsonSubTypes.Type(value = AccountRequest.PaymentMethod.class, name = "payment-method"),
        @JsonSubTypes.Type(value = AccountRequest.PaymentSearch.class, name = "payment-search"),
        @JsonSubTypes.Type(value = AccountRequest.PaymentTrail.class, name = "payment-trail"),
        @JsonSubTypes.Type(value = AccountRequest.UnsettledReversals.class, name = "unsettled-reversals"),
        @JsonSubTypes.Type(value = AccountRequest.SweepRuns.class, name = "sweep-runs")})
public sealed interface AccountRequest {

    /** Most register entries one answer carries. */
    int ENTRIES_MAX = 100;

    /** The customer's wallet balance and cap and their latest {@code historyLimit} register entries. */
    record CustomerOverview(String customerId, int historyLimit) implements AccountRequest {
        public CustomerOverview {
            requireId(customerId, "customerId");
            requireWithin(historyLimit, 1, ENTRIES_MAX, "historyLimit");
        }
    }

    record MerchantTill(String merchantId) implements AccountRequest {
        public MerchantTill {
            requireId(merchantId, "merchantId");
        }
    }

    /**
     * One page of the merchant's register entries that match every given filter, newest first.
     *
     * @param page             zero-based
     * @param status           a {@code RegisterStatus} name, or null for every status
     * @param text             one of the payment's ids, exactly (ticket, order, customer, serials, RRN, approval
     *                         code, STAN), or null
     * @param path             a settlement path code ({@code wallet}, {@code card}, {@code auth-only}), or null
     * @param registeredFrom   registered at or after, or null
     * @param registeredBefore registered before, or null
     */
    record MerchantTransactions(String merchantId, int page, int size, String status, String text, String path,
                                Instant registeredFrom, Instant registeredBefore) implements AccountRequest {
        public MerchantTransactions {
            requireId(merchantId, "merchantId");
            requireWithin(page, 0, MerchantPayments.OFFSET_MAX / ENTRIES_MAX, "page");
            requireWithin(size, 1, ENTRIES_MAX, "size");
            if (status != null) {
                RegisterStatus.valueOf(status);
            }
            if (path != null) {
                SettlementPath.fromCode(path);
            }
            filter(status, text, path, registeredFrom, registeredBefore);
        }

        /** Every status, no filter. */
        public MerchantTransactions(String merchantId, int page, int size, String status) {
            this(merchantId, page, size, status, null, null, null, null);
        }

        public PaymentFilter filter() {
            return filter(status, text, path, registeredFrom, registeredBefore);
        }

        private static PaymentFilter filter(String status, String text, String path, Instant registeredFrom,
                                            Instant registeredBefore) {
            return new PaymentFilter(text, status == null ? null : RegisterStatus.valueOf(status),
                    path == null ? null : SettlementPath.fromCode(path), registeredFrom, registeredBefore);
        }
    }

    /** One of the merchant's payments with its basket and refunds. */
    record MerchantPayment(String merchantId, String ticketId) implements AccountRequest {
        public MerchantPayment {
            requireId(merchantId, "merchantId");
            requireId(ticketId, "ticketId");
        }
    }

    /** The merchant's own credit transfer of a day's sweep, as a pain.001 extract of the settlement file. */
    record SettlementExtract(String merchantId, LocalDate businessDay) implements AccountRequest {
        public SettlementExtract {
            requireId(merchantId, "merchantId");
            Objects.requireNonNull(businessDay, "businessDay");
        }
    }

    /** Gives back part or all of a wallet payment; the ticket must be {@code merchantId}'s. */
    record WalletRefund(String merchantId, String ticketId, long amountMinor, String idempotencyKey)
            implements AccountRequest {
        public WalletRefund {
            requireId(merchantId, "merchantId");
            requireId(ticketId, "ticketId");
            requireId(idempotencyKey, "idempotencyKey");
            requirePositive(amountMinor);
        }
    }

    /** Charges the customer's enrolled card and credits the wallet, in the wallet's currency. */
    record WalletTopUp(String customerId, long amountMinor, String idempotencyKey) implements AccountRequest {
        public WalletTopUp {
            requireId(customerId, "customerId");
            requireId(idempotencyKey, "idempotencyKey");
            requirePositive(amountMinor);
        }
    }

    /** Operators: the ISO 8583 messages exchanged for one payment (its dispute trail on the wire), masked. */
    record PaymentMessages(String ticketId) implements AccountRequest {
        public PaymentMessages {
            requireId(ticketId, "ticketId");
        }
    }

    /**
     * How the back unit would settle this amount for this customer, for the payment page to say before the
     * customer confirms: from the wallet, or charged to the card on file (named by its last four digits).
     */
    record PaymentMethod(String customerId, long amountMinor, String currency) implements AccountRequest {
        public PaymentMethod {
            requireId(customerId, "customerId");
            requireWithin(amountMinor, 0, Long.MAX_VALUE, "amountMinor");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * Operators: register entries whose ticket id, order id, customer id, STAN, RRN or approval code is
     * {@code term}, newest first; a blank term lists the latest entries.
     *
     * @param status a {@code RegisterStatus} name, or null for every status
     */
    record PaymentSearch(String term, String status, int limit) implements AccountRequest {
        public PaymentSearch {
            term = term == null ? "" : term.strip();
            if (term.length() > 200) {
                throw new IllegalArgumentException("term must be at most 200 characters");
            }
            if (status != null) {
                RegisterStatus.valueOf(status);
            }
            requireWithin(limit, 1, ENTRIES_MAX, "limit");
        }
    }

    /** Operators: one payment's dispute trail, everything the back unit recorded about the ticket. */
    record PaymentTrail(String ticketId) implements AccountRequest {
        public PaymentTrail {
            requireId(ticketId, "ticketId");
        }
    }

    /** Operators: reversals the card networks have not acknowledged yet (the store-and-forward queue), oldest first. */
    record UnsettledReversals(int limit) implements AccountRequest {
        public UnsettledReversals {
            requireWithin(limit, 1, ENTRIES_MAX, "limit");
        }
    }

    /** Operators: the latest daily sweeps with their settlement files, newest first. */
    record SweepRuns(int limit) implements AccountRequest {
        public SweepRuns {
            requireWithin(limit, 1, ENTRIES_MAX, "limit");
        }
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(name + " must be 1..200 characters");
        }
    }

    private static void requireWithin(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + value);
        }
    }

    private static void requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive: " + amountMinor);
        }
    }
}
