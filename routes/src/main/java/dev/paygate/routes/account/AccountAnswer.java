package dev.paygate.routes.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.Posting;
import dev.paygate.ledger.register.RefundOutcome;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.sweep.SweepHistory;
import dev.paygate.routes.reversal.ReversalRecord;
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
        @JsonSubTypes.Type(value = AccountAnswer.Refused.class, name = "refused"),
        @JsonSubTypes.Type(value = AccountAnswer.PaymentMessages.class, name = "payment-messages"),
        @JsonSubTypes.Type(value = AccountAnswer.PaymentMethod.class, name = "payment-method"),
        @JsonSubTypes.Type(value = AccountAnswer.PaymentSearch.class, name = "payment-search"),
        @JsonSubTypes.Type(value = AccountAnswer.PaymentTrail.class, name = "payment-trail"),
        @JsonSubTypes.Type(value = AccountAnswer.UnsettledReversals.class, name = "unsettled-reversals"),
        @JsonSubTypes.Type(value = AccountAnswer.SweepRuns.class, name = "sweep-runs")})
public sealed interface AccountAnswer {

    /**
     * @param cardLastFour the last four digits of the card on file, which top-ups charge; null without a card
     * @param topUps       the latest wallet top-ups, newest first
     */
    record CustomerOverview(String customerId, String currency, long balanceMinor, long capMinor,
                            List<HistoryEntry> entries, String cardLastFour, List<WalletTopUps.TopUp> topUps)
            implements AccountAnswer {
        public CustomerOverview {
            entries = List.copyOf(entries);
            topUps = topUps == null ? List.of() : List.copyOf(topUps);
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

    /**
     * The ISO 8583 messages exchanged for one payment, oldest first, masked as the journal keeps them: its
     * request and answer, its reversal advice and repeats, late answers, and those of its refunds.
     *
     * @param lateOutcome the network's answer after the request had timed out; null if none came
     */
    record PaymentMessages(String ticketId, long registerSerial, String status, LateOutcome lateOutcome,
                           List<JournalMessage> messages) implements AccountAnswer {
        public PaymentMessages {
            messages = List.copyOf(messages);
        }
    }

    /**
     * @param path         the settlement path code the amount takes: {@code wallet}, {@code card} or {@code auth-only}
     * @param cardLastFour the card the card path charges; null off the card path or without a card on file
     */
    record PaymentMethod(String path, String cardLastFour) implements AccountAnswer {
    }

    record PaymentSearch(String term, List<HistoryEntry> entries) implements AccountAnswer {
        public PaymentSearch {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Everything the back unit recorded about one ticket, for a dispute: the register entry (with the card
     * network's STAN, RRN, approval code and any late answer), the basket, every posting it caused and its reversal.
     */
    record PaymentTrail(RegisterEntry entry, List<OrderItem> items, List<Posting> postings,
                        List<ReversalRecord> reversals) implements AccountAnswer {
        public PaymentTrail {
            items = List.copyOf(items);
            postings = List.copyOf(postings);
            reversals = List.copyOf(reversals);
        }
    }

    record UnsettledReversals(List<ReversalRecord> reversals) implements AccountAnswer {
        public UnsettledReversals {
            reversals = List.copyOf(reversals);
        }
    }

    record SweepRuns(List<SweepHistory.SweepRun> runs) implements AccountAnswer {
        public SweepRuns {
            runs = List.copyOf(runs);
        }
    }

    /** The question itself could not be answered, e.g. an unknown customer or merchant. */
    record Refused(String reason, String message) implements AccountAnswer {
    }
}
