package dev.paygate.gateway.payment;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which way a payment will be settled, said on the payment page before the customer confirms, when the ticket
 * names the customer: from the wallet, or charged to their card (named by its last four digits). The back unit
 * decides the path, so it is asked; a hint it cannot give in {@code paygate.account.hint-timeout-ms} is left out.
 */
@Component
class PaymentMethodHint {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethodHint.class);

    private final ObjectProvider<AccountDesk> desk;

    PaymentMethodHint(ObjectProvider<AccountDesk> desk) {
        this.desk = desk;
    }

    /** e.g. "from your Paygate wallet" or "with your card ending 0002"; empty when nobody can say. */
    Optional<String> of(Ticket ticket) {
        AccountDesk available = desk.getIfAvailable();
        if (ticket.customerId() == null || ticket.amountMinor() == 0 || available == null) {
            return Optional.empty();
        }
        try {
            AccountAnswer.PaymentMethod method = available.paymentMethod(ticket.customerId(), ticket.amountMinor(),
                    ticket.currency());
            return switch (method.path()) {
                case "wallet" -> Optional.of("from your Paygate wallet");
                case "card" -> Optional.of(method.cardLastFour() == null ? "with your card"
                        : "with your card ending " + method.cardLastFour());
                default -> Optional.empty();
            };
        } catch (AccountDeskException | IllegalArgumentException noHint) {
            log.debug("No payment method hint for ticket {}: {}", ticket.ticketId(), noHint.getMessage());
            return Optional.empty();
        }
    }
}
