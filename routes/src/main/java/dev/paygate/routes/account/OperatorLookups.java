package dev.paygate.routes.account;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.messages.MessageJournal;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.sweep.SweepHistory;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.reversal.ReversalQueue;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What operators ask the back unit: payments found by the references people quote, one payment's dispute trail,
 * its ISO 8583 messages, the reversals not yet acknowledged and the latest sweeps. Read only; answered from the
 * ledger, the message journal and the store-and-forward queue, so a front unit serves its console without ledger
 * credentials.
 */
@Component
@BackUnit
public record OperatorLookups(PaymentRegister register, ReversalQueue reversals, SweepHistory sweeps,
                              MessageJournal journal) {

    /** A term matches few entries exactly, so those are filtered by status here; without a term the index does it. */
    public AccountAnswer paymentSearch(AccountRequest.PaymentSearch request) {
        List<RegisterEntry> found = request.status() != null && request.term().isEmpty()
                ? register.recentWithStatus(RegisterStatus.valueOf(request.status()), request.limit())
                : register.search(request.term(), request.limit()).stream()
                        .filter(entry -> request.status() == null || entry.status().name().equals(request.status()))
                        .toList();
        return new AccountAnswer.PaymentSearch(request.term(), found.stream().map(HistoryEntry::of).toList());
    }

    public AccountAnswer paymentTrail(AccountRequest.PaymentTrail request) {
        return ofPayment(request.ticketId(), "no register entry for this ticket",
                entry -> new AccountAnswer.PaymentTrail(entry, register.items(entry.serial()),
                        register.postings(entry.serial()), reversals.forTicket(entry.ticketId())));
    }

    /** One payment's masked ISO 8583 messages from the message journal, with its late outcome. */
    public AccountAnswer paymentMessages(AccountRequest.PaymentMessages request) {
        return ofPayment(request.ticketId(), "no payment with this ticket id",
                entry -> new AccountAnswer.PaymentMessages(entry.ticketId(), entry.serial(), entry.status().name(),
                        entry.lateOutcome(), journal.forTicket(entry.ticketId())));
    }

    public AccountAnswer unsettledReversals(AccountRequest.UnsettledReversals request) {
        return new AccountAnswer.UnsettledReversals(reversals.unsettled(request.limit()));
    }

    public AccountAnswer sweepRuns(AccountRequest.SweepRuns request) {
        return new AccountAnswer.SweepRuns(sweeps.recentRuns(Math.min(request.limit(), SweepHistory.ENTRIES_MAX)));
    }

    /** The answer about the ticket's register entry, or {@code unknown_ticket} when none is registered. */
    private AccountAnswer ofPayment(String ticketId, String unknownMessage,
                                    Function<RegisterEntry, AccountAnswer> answer) {
        return register.findByTicket(ticketId).map(answer)
                .orElseGet(() -> new AccountAnswer.Refused(RefusalReason.UNKNOWN_TICKET.code(), unknownMessage));
    }
}
