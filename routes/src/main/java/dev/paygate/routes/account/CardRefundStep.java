package dev.paygate.routes.account;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RefundOutcome;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.Acceptor;
import dev.paygate.routes.card.CardAnswer;
import dev.paygate.routes.card.CardConversation;
import dev.paygate.routes.card.CardExchange;
import dev.paygate.routes.card.CardOperation;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.springframework.stereotype.Component;

/**
 * Refunds a card payment to the card: a credit (0200, DE 3 "20") through {@link CardExchange} to the network
 * that authorized it, then the till pays card clearing. Like every card request, the credit's reversal is held
 * before it leaves, so a credit the ledger does not record is undone, never lost.
 */
@Component
@BackUnit
public record CardRefundStep(PaymentRegister register, Refunds refunds, MerchantRecords merchants,
                             CardExchange exchange) {

    public AccountAnswer.Refund refund(AccountRequest.WalletRefund request, RegisterEntry entry) throws ISOException {
        Optional<RefundOutcome> earlier = refunds.find(request.idempotencyKey());
        if (earlier.isPresent()) {
            return answer(request, earlier.get());
        }
        if (entry.status() != RegisterStatus.APPROVED) {
            return AccountAnswer.Refund.refused(request, entry, RefusalReason.NOT_REFUNDABLE);
        }
        if (request.amountMinor() > entry.amountMinor() - entry.refundedMinor()) {
            // Checked before the card is credited: a credit the ledger refuses would have to be reversed.
            return AccountAnswer.Refund.refused(request, entry, RefusalReason.EXCEEDS_PAID_AMOUNT);
        }
        return exchange.exchange(
                CardOperation.refund(entry.customerId(), entry.network(), request.amountMinor(), entry.currency()),
                credit(request, entry));
    }

    /** One refund's credit: recorded on the ledger only after the card network approved it. */
    private CardConversation<AccountAnswer.Refund> credit(AccountRequest.WalletRefund request, RegisterEntry entry) {
        return new CardConversation<>() {

            @Override
            public Opening<AccountAnswer.Refund> open(String network) {
                return new Send<>(Acceptor.of(merchants.find(entry.merchantId()).orElseThrow(() ->
                        new IllegalStateException("merchant " + entry.merchantId() + " of a registered payment vanished"))));
            }

            @Override
            public String reversalTicketId(Stan stan) {
                // The STAN too: a refund declined once may be asked again under the same key.
                return "card-refund:" + request.idempotencyKey() + ":" + stan.digits();
            }

            @Override
            public Optional<String> registerTicketId() {
                return Optional.of(entry.ticketId());
            }

            @Override
            public AccountAnswer.Refund notSent(RefusalReason reason) {
                return AccountAnswer.Refund.refused(request, entry, reason);
            }

            @Override
            public Settlement<AccountAnswer.Refund> answered(CardAnswer answer) {
                if (!answer.approved()) {
                    return Settlement.kept(AccountAnswer.Refund.refused(request, entry, answer.refusal().orElseThrow()));
                }
                RefundOutcome recorded = refunds.refundToCard(entry.ticketId(), request.amountMinor(),
                        request.idempotencyKey());
                // The card was credited by this call but the ledger did not record it: undo the credit.
                return !recorded.approved() || recorded.replayed()
                        ? Settlement.reversed(answer(request, recorded))
                        : Settlement.kept(answer(request, recorded));
            }
        };
    }

    private AccountAnswer.Refund answer(AccountRequest.WalletRefund request, RefundOutcome outcome) {
        return AccountAnswer.Refund.recorded(request, outcome, register.findByTicket(request.ticketId()).orElseThrow());
    }
}
