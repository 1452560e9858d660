package dev.paygate.routes.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.RefundOutcome;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.sweep.SweepHistory;
import java.time.LocalDate;
import java.util.List;

/** What the back office answers; never a card number, only what the open side may show. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AccountAnswer.CustomerOverview.class, name = "customer-overview"),
        @JsonSubTypes.Type(value = AccountAnswer.MerchantTill.class, name = "merchant-till"),
        @JsonSubTypes.Type(value = AccountAnswer.MerchantTransactions.class, name = "merchant-transactions"),
        @JsonSubTypes.Type(value = AccountAnswer.MerchantPayment.class, name = "merchant-payment"),
        @JsonSubTypes.Type(value = AccountAnswer.SettlementExtract.class, name = "settlement-extract"),
        @JsonSubTypes.Type(value = AccountAnswer.Refund.class, name = "refund"),
        @JsonSubTypes.Type(value = AccountAnswer.TopUp.class, name = "top-up"),
        @JsonSubTypes.Type(value = AccountAnswer.Refused.class, name = "refused")})
public sealed interface AccountAnswer {

    record CustomerOverview(String customerId, String currency, long balanceMinor, long capMinor,
                            List<HistoryEntry> entries) implements AccountAnswer {
        public CustomerOverview {
            entries = List.copyOf(entries);
        }
    }

    /** The till's balance now and what the latest daily sweeps paid out of it to the merchant's bank. */
    record MerchantTill(String merchantId, String currency, long balanceMinor, List<SweepHistory.MerchantSweep> sweeps)
            implements AccountAnswer {
        public MerchantTill {
            sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
        }
    }

    /** @param totalEntries every entry of the merchant that matches the filter */
    record MerchantTransactions(String merchantId, int page, int size, long totalEntries, List<HistoryEntry> entries)
            implements AccountAnswer {
        public MerchantTransactions {
            entries = List.copyOf(entries);
        }
    }

    /** One payment as its merchant sees it: the register entry (with the card network's references), basket, refunds. */
    record MerchantPayment(RegisterEntry entry, List<OrderItem> items, List<MerchantPayments.Refund> refunds)
            implements AccountAnswer {
        public MerchantPayment {
            items = List.copyOf(items);
            refunds = List.copyOf(refunds);
        }
    }

    /** @param xml the pain.001.001.09 document with the merchant's own credit transfer only */
    record SettlementExtract(LocalDate businessDay, String fileName, String xml) implements AccountAnswer {
    }

    /**
     * @param reason             why nothing moved; null when approved
     * @param paidMinor          what the payment was
     * @param refundedTotalMinor everything refunded on the payment so far, this refund included
     * @param replayed           the idempotency key had refunded already; this call moved nothing
     */
    record Refund(boolean approved, String reason, Long refundId, String ticketId, long amountMinor,
                  String currency, long paidMinor, long refundedTotalMinor, boolean replayed)
            implements AccountAnswer {

        /** What the ledger recorded, with the payment's totals as they stand after it. */
        static Refund recorded(AccountRequest.WalletRefund request, RefundOutcome outcome, RegisterEntry after) {
            return new Refund(outcome.approved(), outcome.approved() ? null : outcome.reason().code(),
                    outcome.refundId(), request.ticketId(), request.amountMinor(), after.currency(),
                    after.amountMinor(), after.refundedMinor(), outcome.replayed());
        }

        /** @param entry the payment asked about; null when it is unknown (or another merchant's) */
        static Refund refused(AccountRequest.WalletRefund request, RegisterEntry entry, RefusalReason reason) {
            return new Refund(false, reason.code(), null, request.ticketId(), request.amountMinor(),
                    entry == null ? null : entry.currency(), entry == null ? 0 : entry.amountMinor(),
                    entry == null ? 0 : entry.refundedMinor(), false);
        }
    }

    /**
     * @param reason       why the wallet was not credited; null when approved
     * @param balanceMinor the wallet's balance after this top-up
     * @param authCode     DE 38 of the approved financial request
     * @param rrn          DE 37 of the financial request
     * @param replayed     the idempotency key had topped up already; the wallet was credited once
     */
    record TopUp(boolean approved, String reason, long amountMinor, String currency, long balanceMinor,
                 long capMinor, String authCode, String rrn, boolean replayed) implements AccountAnswer {
    }

    /** The question itself could not be answered, e.g. an unknown customer or merchant. */
    record Refused(String reason, String message) implements AccountAnswer {
    }
}
