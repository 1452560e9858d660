package dev.paygate.routes.account;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.Account;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.IdempotencyConflictException;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.TopUpOutcome;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardAnswer;
import dev.paygate.routes.card.CardConversation;
import dev.paygate.routes.card.CardExchange;
import dev.paygate.routes.card.CardOperation;
import java.util.Optional;
import java.util.OptionalLong;
import org.jpos.iso.ISOException;
import org.springframework.stereotype.Component;

/**
 * Wallet top-up from the customer's enrolled card: room under the wallet cap first, then an ISO 8583 0200
 * through {@link CardExchange}, then the wallet credit. The charge's reversal is held before it leaves, like
 * every card request's, and sent whenever the card was (or may have been) charged and the wallet was not
 * credited by this call: no answer in time, a crash, a ledger refusal after approval, or a replayed key.
 */
@Component
@BackUnit
public record WalletTopUpStep(CustomerRecords customers, Accounts accounts, WalletTopUps topUps,
                              AccountProperties properties, CardExchange exchange) {

    public AccountAnswer topUp(AccountRequest.WalletTopUp request) throws ISOException {
        Optional<Customer> customer = customers.find(request.customerId());
        Optional<Account> wallet = accounts.wallet(request.customerId());
        if (customer.isEmpty() || wallet.isEmpty()) {
            return new AccountAnswer.Refused(RefusalReason.UNKNOWN_CUSTOMER.code(), "no wallet for this customer");
        }
        if (customer.get().blocked()) {
            return refused(request, wallet.get(), RefusalReason.CUSTOMER_BLOCKED);
        }
        OptionalLong creditedMinor = topUps.creditedMinor(request.idempotencyKey());
        if (creditedMinor.isPresent()) {
            if (creditedMinor.getAsLong() != request.amountMinor()) {
                // The key names one top-up: sent again with another amount it is a mistake, not a second top-up.
                return refused(request, wallet.get(), RefusalReason.IDEMPOTENCY_CONFLICT);
            }
            // A repeated request: the first one charged the card and credited the wallet; charge nothing again.
            return new AccountAnswer.TopUp(true, null, request.amountMinor(), wallet.get().currency(),
                    wallet.get().balanceMinor(), wallet.get().capMinor().orElse(0), null, null, true);
        }
        long roomMinor = wallet.get().capMinor().orElse(0) - wallet.get().balanceMinor();
        if (request.amountMinor() > roomMinor) {
            // Checked before the card is charged: a charge the wallet cannot take would have to be reversed.
            return refused(request, wallet.get(), RefusalReason.OVER_LIMIT);
        }
        return exchange.exchange(
                CardOperation.topUp(request.customerId(), request.amountMinor(), wallet.get().currency()),
                charge(request, wallet.get()));
    }

    /** One top-up's charge: the wallet is credited only after the card approved it. */
    private CardConversation<AccountAnswer> charge(AccountRequest.WalletTopUp request, Account wallet) {
        return new CardConversation<>() {

            @Override
            public Opening<AccountAnswer> open(String network) {
                return new Send<>(properties.topUpAcceptor().acceptor());
            }

            @Override
            public String reversalTicketId(Stan stan) {
                return WalletTopUpStep.reversalTicketId(request.idempotencyKey(), stan);
            }

            @Override
            public AccountAnswer notSent(RefusalReason reason) {
                return refused(request, wallet, reason);
            }

            @Override
            public Settlement<AccountAnswer> answered(CardAnswer answer) {
                if (!answer.approved()) {
                    return Settlement.kept(refused(request, wallet, answer.refusal().orElseThrow()));
                }
                String approvalCode = answer.approvalCode().orElseThrow();
                TopUpOutcome credited;
                try {
                    credited = topUps.topUpWallet(request.customerId(), request.amountMinor(), wallet.currency(),
                            request.idempotencyKey(), approvalCode, answer.rrn());
                } catch (IdempotencyConflictException conflict) {
                    // The same key with another amount, charged at the same time as the first: undo this charge.
                    return Settlement.reversed(refused(request, wallet, RefusalReason.IDEMPOTENCY_CONFLICT));
                }
                Account after = accounts.wallet(request.customerId()).orElse(wallet);
                AccountAnswer.TopUp topUp = new AccountAnswer.TopUp(credited.approved(),
                        credited.approved() ? null : credited.reason().code(), request.amountMinor(), wallet.currency(),
                        after.balanceMinor(), after.capMinor().orElse(0), approvalCode, answer.rrn(), credited.replayed());
                // The card was charged by this call but the wallet was not credited by it: undo the charge.
                return !credited.approved() || credited.replayed() ? Settlement.reversed(topUp) : Settlement.kept(topUp);
            }
        };
    }

    /** The reversal's ticket names the top-up and the charge's STAN: each charge is reversed at most once. */
    static String reversalTicketId(String idempotencyKey, Stan chargeStan) {
        return "top-up:" + idempotencyKey + ":" + chargeStan.digits();
    }

    private static AccountAnswer.TopUp refused(AccountRequest.WalletTopUp request, Account wallet,
                                               RefusalReason reason) {
        return new AccountAnswer.TopUp(false, reason.code(), request.amountMinor(), wallet.currency(),
                wallet.balanceMinor(), wallet.capMinor().orElse(0), null, null, false);
    }
}
