package dev.paygate.routes.card;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.register.CardOutcome;
import dev.paygate.ledger.register.CardPaymentOpening;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardConversation.Settlement;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.PaymentOrder;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.springframework.stereotype.Component;

/**
 * Card path: the order registered PENDING on the card's network, then one {@link CardExchange}; the answer
 * approves or refuses the entry. No answer in time: the entry is reversed and the customer is told nothing
 * was charged; a late approval finds the entry reversed and moves no money.
 */
@Component
@BackUnit
public record CardAuthorizationStep(PaymentRegister register, MerchantRecords merchants, CardExchange exchange) {

    public Decision authorize(PaymentOrder order) throws ISOException {
        Optional<Decision> earlier = register.findByTicket(order.ticketId()).map(Decisions::of);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return exchange.exchange(CardOperation.purchase(order.customerId(), order.amountMinor(), order.currency()),
                new Payment(order.registerOrder()));
    }

    /** One ticket's authorization; {@code opened} once its PENDING entry is registered. */
    private final class Payment implements CardConversation<Decision> {

        private final RegisterOrder order;
        private boolean opened;

        Payment(RegisterOrder order) {
            this.order = order;
        }

        @Override
        public Opening<Decision> open(String network) {
            CardPaymentOpening opening = register.openCardPayment(order, network);
            if (!opening.sendAuthorization()) {
                // Another delivery of this ticket is deciding it, or decided it already.
                return new Answer<>(Decisions.of(opening.entry()));
            }
            opened = true;
            return new Send<>(Acceptor.of(merchants.find(order.merchantId()).orElseThrow(
                    () -> new IllegalStateException("merchant " + order.merchantId() + " vanished after registration"))));
        }

        @Override
        public String reversalTicketId(Stan stan) {
            // The forwarder closes the register entry of the same ticket once the reversal is acknowledged.
            return order.ticketId();
        }

        @Override
        public Optional<String> registerTicketId() {
            return Optional.of(order.ticketId());
        }

        @Override
        public Optional<Decision> claim(Stan stan) {
            return register.claimStan(order.ticketId(), stan.digits())
                    ? Optional.empty()
                    : Optional.of(Decisions.of(register.findByTicket(order.ticketId()).orElseThrow()));
        }

        @Override
        public Decision notSent(RefusalReason reason) {
            return Decisions.of(opened
                    ? register.completeCardPayment(order.ticketId(), CardOutcome.refused(reason.code(), null, null))
                    : register.refuse(order, SettlementPath.CARD, reason.code()));
        }

        @Override
        public Decision unanswered(Stan stan) {
            return Decisions.of(register.markReversed(order.ticketId()));
        }

        @Override
        public Settlement<Decision> answered(CardAnswer answer) {
            CardOutcome outcome = answer.approved()
                    ? CardOutcome.approved(answer.approvalCode().orElseThrow(), answer.rrn(), answer.stan().digits())
                    : CardOutcome.refused(answer.refusal().orElseThrow().code(), answer.rrn(), answer.stan().digits());
            // Registered either way: an approval stands, a refusal charged nothing.
            return Settlement.kept(Decisions.of(register.completeCardPayment(order.ticketId(), outcome)));
        }
    }
}
