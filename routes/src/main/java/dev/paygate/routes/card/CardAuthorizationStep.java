package dev.paygate.routes.card;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.AuthorizationResponse;
import dev.paygate.iso8583.message.FinancialResponse;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.register.CardOutcome;
import dev.paygate.ledger.register.CardPaymentOpening;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.Decisions;
import dev.paygate.routes.card.network.CardNetworkMetrics;
import dev.paygate.routes.card.network.CardNetworkProperties;
import dev.paygate.routes.card.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Duration;
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
 * Card path: the customer's card from the vault, the network by BIN, an ISO 8583 authorization (0100, or
 * 0200 on a single-message network), the answer mapped to approve or refuse, all registered. No answer in
 * time: the request is reversed through the store-and-forward queue and the customer is told nothing was
 * charged; a late approval finds the entry reversed and moves no money.
 */
@Component
@BackUnit
public class CardAuthorizationStep {

    private static final Logger log = LoggerFactory.getLogger(CardAuthorizationStep.class);
    private static final int DE_RESPONSE_CODE = 39;

    private final PaymentRegister register;
    private final CardVault vault;
    private final MerchantRecords merchants;
    private final CardNetworks networks;
    private final DatabaseStanSequence stans;
    private final ReversalQueue reversals;
    private final CardNetworkMetrics metrics;
    private final Clock clock;

    public CardAuthorizationStep(PaymentRegister register, CardVault vault, MerchantRecords merchants,
                                 CardNetworks networks, DatabaseStanSequence stans, ReversalQueue reversals,
                                 CardNetworkMetrics metrics, Clock clock) {
        this.register = register;
        this.vault = vault;
        this.merchants = merchants;
        this.networks = networks;
        this.stans = stans;
        this.reversals = reversals;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Decision authorize(PaymentOrder order) throws ISOException {
        Optional<Decision> earlier = register.findByTicket(order.ticketId()).map(Decisions::of);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        RegisterOrder registerOrder = Decisions.toRegisterOrder(order);
        Optional<VaultedCard> found = vault.cardOf(order.customerId());
        if (found.isEmpty()) {
            return Decisions.of(register.refuse(registerOrder, SettlementPath.CARD, "no_card_on_file"));
        }
        VaultedCard card = found.get();
        try {
            Optional<String> network = networks.routeFor(card.clearPan());
            if (network.isEmpty()) {
                return Decisions.of(register.refuse(registerOrder, SettlementPath.CARD, "card_not_supported"));
            }
            return authorize(registerOrder, card, network.get());
        } finally {
            card.wipe();
        }
    }

    private Decision authorize(RegisterOrder order, VaultedCard card, String network) throws ISOException {
        CardPaymentOpening opening = register.openCardPayment(order, network);
        if (!opening.sendAuthorization()) {
            // Another delivery of this ticket is deciding it, or decided it already.
            return Decisions.of(opening.entry());
        }
        Merchant merchant = merchants.find(order.merchantId()).orElseThrow(
                () -> new IllegalStateException("merchant " + order.merchantId() + " vanished after registration"));
        CardNetworkProperties.Network settings = networks.settings(network);
        if (!networks.isConnected(network)) {
            log.warn("Card network {} is not connected; ticket {} refused without sending", network, order.ticketId());
            return Decisions.of(register.completeCardPayment(order.ticketId(),
                    CardOutcome.refused("issuer_unavailable", null, null)));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Stan stan = Stan.of(stans.next(network, today));
        CardRequest request = CardRequest.purchase(settings.singleMessage(), card.clearPan(), card.expiry(),
                order.amountMinor(), order.currency(), stan, now, settings.acquirerId(), merchant);
        // The reversal exists before the request leaves: if this process dies waiting, another back unit sends it.
        reversals.hold(order.ticketId(), network, order.customerId(), card.token(), request,
                Stan.of(stans.next(network, today)), now, settings.timeoutMs());
        // The STAN is claimed after the reversal is held and before the request leaves: an entry without one was
        // never sent, and the closer of such entries and this step cannot both win.
        if (!register.claimStan(order.ticketId(), stan.digits())) {
            reversals.release(order.ticketId());
            log.warn("Card entry of ticket {} was closed before its request left; nothing sent", order.ticketId());
            return register.findByTicket(order.ticketId()).map(Decisions::of).orElseThrow();
        }
        long sentAtNanos = System.nanoTime();
        ISOMsg answer = networks.mux(network).request(request.toIsoMsg(), settings.timeoutMs());
        metrics.requestAnswered(network, request.mti().value(),
                answer == null ? CardNetworkMetrics.NO_ANSWER : answer.getString(DE_RESPONSE_CODE),
                Duration.ofNanos(System.nanoTime() - sentAtNanos));
        if (answer == null) {
            log.warn("No answer from {} within {} ms for ticket {} (STAN {}); reversing it",
                    network, settings.timeoutMs(), order.ticketId(), stan.digits());
            reversals.activate(order.ticketId(), clock.instant());
            return Decisions.of(register.markReversed(order.ticketId()));
        }
        RegisterEntry completed = register.completeCardPayment(order.ticketId(), outcomeOf(request.mti(), answer, stan));
        reversals.release(order.ticketId());
        return Decisions.of(completed);
    }

    private CardOutcome outcomeOf(Mti requestMti, ISOMsg answer, Stan stan) {
        KeyFields keyFields;
        ResponseCode code;
        Optional<String> approvalCode;
        if (requestMti.equals(Mti.FINANCIAL_REQUEST)) {
            FinancialResponse response = FinancialResponse.fromIsoMsg(answer, clock);
            keyFields = response.keyFields();
            code = response.responseCode();
            approvalCode = response.approvalCode();
        } else {
            AuthorizationResponse response = AuthorizationResponse.fromIsoMsg(answer, clock);
            keyFields = response.keyFields();
            code = response.responseCode();
            approvalCode = response.approvalCode();
        }
        String rrn = keyFields.rrn().value();
        if (code.isApproval() && approvalCode.isPresent()) {
            return CardOutcome.approved(approvalCode.get(), rrn, stan.digits());
        }
        return CardOutcome.refused(code.isApproval() ? "system_error" : code.reason(), rrn, stan.digits());
    }
}
