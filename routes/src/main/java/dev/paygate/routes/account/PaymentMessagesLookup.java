package dev.paygate.routes.account;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.messages.MessageJournal;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.BackUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers an operator's question for one payment's ISO 8583 messages from the register and the message journal. */
@Component
@BackUnit
public class PaymentMessagesLookup {

    private final PaymentRegister register;
    private final MessageJournal journal;

    public PaymentMessagesLookup(PaymentRegister register, MessageJournal journal) {
        this.register = register;
        this.journal = journal;
    }

    public AccountAnswer paymentMessages(AccountRequest.PaymentMessages request) {
        Optional<RegisterEntry> found = register.findByTicket(request.ticketId());
        if (found.isEmpty()) {
            return new AccountAnswer.Refused(RefusalReason.UNKNOWN_TICKET.code(), "no payment with this ticket id");
        }
        RegisterEntry entry = found.get();
        return new AccountAnswer.PaymentMessages(entry.ticketId(), entry.serial(), entry.status().name(),
                entry.lateOutcome(), journal.forTicket(entry.ticketId()));
    }
}
