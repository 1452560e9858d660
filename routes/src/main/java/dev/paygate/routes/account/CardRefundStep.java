package dev.paygate.routes.account;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.FinancialResponse;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RefundOutcome;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardRequest;
import dev.paygate.routes.card.network.CardNetworkProperties;
import dev.paygate.routes.card.network.CardNetworks;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refunds a card payment to the card: a credit (0200, DE 3 "20") to the network that authorized it, then the
 * till pays card clearing. Like a payment, the credit's reversal is held before it leaves, so a credit the
 * ledger does not record is undone, never lost.
 */
@Component
@BackUnit
public class CardRefundStep {

    private static final Logger log = LoggerFactory.getLogger(CardRefundStep.class);

    private final PaymentRegister register;
    private final Refunds refunds;
    private final CardVault vault;
    private final MerchantRecords merchants;
    private final CardNetworks networks;
    private final DatabaseStanSequence stans;
    private final ReversalQueue reversals;
    private final Clock clock;

    public CardRefundStep(PaymentRegister register, Refunds refunds, CardVault vault, MerchantRecords merchants,
                          CardNetworks networks, DatabaseStanSequence stans, ReversalQueue reversals, Clock clock) {
        this.register = register;
        this.refunds = refunds;
        this.vault = vault;
        this.merchants = merchants;
        this.networks = networks;
        this.stans = stans;
        this.reversals = reversals;
        this.clock = clock;
    }

    public AccountAnswer.Refund refund(AccountRequest.WalletRefund request, RegisterEntry entry) throws ISOException {
        Optional<RefundOutcome> earlier = refunds.find(request.idempotencyKey());
        if (earlier.isPresent()) {
            return answer(request, earlier.get());
        }
        if (entry.status() != RegisterStatus.APPROVED) {
            return refused(request, entry, "not_refundable");
        }
        if (request.amountMinor() > entry.amountMinor() - entry.refundedMinor()) {
            // Checked before the card is credited: a credit the ledger refuses would have to be reversed.
            return refused(request, entry, "exceeds_paid_amount");
        }
        Optional<VaultedCard> found = vault.cardOf(entry.customerId());
        if (found.isEmpty() || !networks.isConnected(entry.network())) {
            return refused(request, entry, found.isEmpty() ? "no_card_on_file" : "issuer_unavailable");
        }
        VaultedCard card = found.get();
        try {
            return credit(request, entry, card);
        } finally {
            card.wipe();
        }
    }

    private AccountAnswer.Refund credit(AccountRequest.WalletRefund request, RegisterEntry entry, VaultedCard card)
            throws ISOException {
        String network = entry.network();
        CardNetworkProperties.Network settings = networks.settings(network);
        Merchant merchant = merchants.find(entry.merchantId()).orElseThrow(
                () -> new IllegalStateException("merchant " + entry.merchantId() + " of a registered payment vanished"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        CardRequest credit = CardRequest.refund(card.clearPan(), card.expiry(), request.amountMinor(),
                entry.currency(), Stan.of(stans.next(network, today)), now, settings.acquirerId(), merchant);
        String reversalTicket = "card-refund:" + request.idempotencyKey();
        reversals.hold(reversalTicket, network, entry.customerId(), card.token(), credit,
                Stan.of(stans.next(network, today)), now, settings.timeoutMs());
        ISOMsg answer = networks.mux(network).request(credit.toIsoMsg(), settings.timeoutMs());
        if (answer == null) {
            log.warn("No answer from {} within {} ms to the card refund of ticket {}; reversing the credit",
                    network, settings.timeoutMs(), entry.ticketId());
            reversals.activate(reversalTicket, clock.instant());
            return refused(request, entry, "issuer_unavailable");
        }
        FinancialResponse response = FinancialResponse.fromIsoMsg(answer, clock);
        ResponseCode code = response.responseCode();
        if (!code.isApproval()) {
            reversals.release(reversalTicket);
            return refused(request, entry, code.reason());
        }
        RefundOutcome recorded;
        try {
            recorded = refunds.refundToCard(entry.ticketId(), request.amountMinor(), request.idempotencyKey());
        } catch (RuntimeException fault) {
            reversals.activate(reversalTicket, clock.instant());
            throw fault;
        }
        if (!recorded.approved() || recorded.replayed()) {
            // The card was credited by this call but the ledger did not record it: undo the credit.
            reversals.activate(reversalTicket, clock.instant());
        } else {
            reversals.release(reversalTicket);
        }
        return answer(request, recorded);
    }

    private AccountAnswer.Refund answer(AccountRequest.WalletRefund request, RefundOutcome outcome) {
        RegisterEntry after = register.findByTicket(request.ticketId()).orElseThrow();
        return new AccountAnswer.Refund(outcome.approved(), outcome.approved() ? null : outcome.reason().code(),
                outcome.refundId(), request.ticketId(), request.amountMinor(), after.currency(), after.amountMinor(),
                after.refundedMinor(), outcome.replayed());
    }

    private static AccountAnswer.Refund refused(AccountRequest.WalletRefund request, RegisterEntry entry, String reason) {
        return new AccountAnswer.Refund(false, reason, null, request.ticketId(), request.amountMinor(),
                entry.currency(), entry.amountMinor(), entry.refundedMinor(), false);
    }
}
