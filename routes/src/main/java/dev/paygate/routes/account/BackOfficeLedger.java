package dev.paygate.routes.account;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.IdempotencyConflictException;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RefundOutcome;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.sweep.SweepHistory;
import dev.paygate.ledger.vault.CardOnFile;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.SettlementPathChoice;
import java.util.List;
import org.jpos.iso.ISOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Balances, history, payment methods and refunds, answered from the ledger for the back-office routes. */
@Component
@BackUnit
public record BackOfficeLedger(Accounts accounts, PaymentRegister register, Refunds refunds, CardRefundStep cardRefunds,
                               SweepHistory sweeps, WalletTopUps topUps, CardVault vault,
                               SettlementPathChoice pathChoice) {

    /** The latest daily sweeps shown with a till. */
    static final int SWEEPS_SHOWN = 30;
    private static final int CARD_DIGITS_SHOWN = 4;

    public AccountAnswer customerOverview(AccountRequest.CustomerOverview request) {
        Optional<Account> wallet = accounts.wallet(request.customerId());
        if (wallet.isEmpty()) {
            return new AccountAnswer.Refused(RefusalReason.UNKNOWN_CUSTOMER.code(), "no wallet for this customer");
        }
        List<HistoryEntry> entries = register.recentForCustomer(request.customerId(), request.historyLimit())
                .stream().map(HistoryEntry::of).toList();
        return new AccountAnswer.CustomerOverview(request.customerId(), wallet.get().currency(),
                wallet.get().balanceMinor(), wallet.get().capMinor().orElse(0), entries,
                cardLastFour(request.customerId()), topUps.recentForCustomer(request.customerId(), request.historyLimit()));
    }

    /**
     * The path the back unit would take, as {@link SettlementPathChoice} decides it, and the card it would charge.
     * An unknown customer is refused: the page then says nothing rather than name a way that cannot pay.
     */
    public AccountAnswer paymentMethod(AccountRequest.PaymentMethod request) {
        if (accounts.wallet(request.customerId()).isEmpty()) {
            return new AccountAnswer.Refused(RefusalReason.UNKNOWN_CUSTOMER.code(), "no wallet for this customer");
        }
        SettlementPath path = pathChoice.pathOf(request.amountMinor(), request.currency());
        return new AccountAnswer.PaymentMethod(path.code(),
                path == SettlementPath.CARD ? cardLastFour(request.customerId()) : null);
    }

    /** Only the last four digits cross to the front: enough for the customer to know the card, nothing more. */
    private String cardLastFour(String customerId) {
        return vault.cardOnFile(customerId)
                .map(CardOnFile::maskedPan)
                .map(masked -> masked.substring(masked.length() - CARD_DIGITS_SHOWN))
                .orElse(null);
    }

    public AccountAnswer merchantTill(AccountRequest.MerchantTill request) {
        return accounts.till(request.merchantId())
                .<AccountAnswer>map(till -> new AccountAnswer.MerchantTill(request.merchantId(), till.currency(),
                        till.balanceMinor(), sweeps.forMerchant(request.merchantId(), SWEEPS_SHOWN)))
                .orElseGet(() -> new AccountAnswer.Refused(RefusalReason.UNKNOWN_MERCHANT.code(), "no till for this merchant"));
    }

    /**
     * Refunds a payment of the asking merchant: a wallet payment to the wallet, a card payment to the card. Another merchant's ticket is answered exactly as an
     * unknown one, so a merchant cannot probe for other merchants' tickets.
     */
    public AccountAnswer refund(AccountRequest.WalletRefund request) throws ISOException {
        Optional<RegisterEntry> found = register.findByTicket(request.ticketId())
                .filter(entry -> entry.merchantId().equals(request.merchantId()));
        if (found.isEmpty()) {
            return AccountAnswer.Refund.refused(request, null, RefusalReason.UNKNOWN_TICKET);
        }
        RegisterEntry entry = found.get();
        if (entry.path() == SettlementPath.CARD) {
            return cardRefunds.refund(request, entry);
        }
        RefundOutcome outcome;
        try {
            outcome = refunds.refund(request.ticketId(), request.amountMinor(), request.idempotencyKey());
        } catch (IdempotencyConflictException conflict) {
            return AccountAnswer.Refund.refused(request, entry, RefusalReason.IDEMPOTENCY_CONFLICT);
        }
        return AccountAnswer.Refund.recorded(request, outcome,
                register.findByTicket(request.ticketId()).orElse(entry));
    }
}
