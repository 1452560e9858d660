package dev.paygate.routes.account;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.FinancialResponse;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.ledger.Account;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.TopUpOutcome;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.CustomerRecords;
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
 * Wallet top-up from the customer's enrolled card: room under the wallet cap first, then an ISO 8583 0200
 * to the card's network, then the wallet credit. Whenever the card was (or may have been) charged and the
 * wallet was not credited by this call, the charge is reversed through the store-and-forward queue: no
 * answer in time, a ledger refusal after approval, or a replayed idempotency key.
 */
@Component
@BackUnit
public class WalletTopUpStep {

    private static final Logger log = LoggerFactory.getLogger(WalletTopUpStep.class);

    private final CustomerRecords customers;
    private final Accounts accounts;
    private final CardVault vault;
    private final CardNetworks networks;
    private final DatabaseStanSequence stans;
    private final ReversalQueue reversals;
    private final WalletTopUps topUps;
    private final AccountProperties.TopUpAcceptor acceptor;
    private final Clock clock;

    public WalletTopUpStep(CustomerRecords customers, Accounts accounts, CardVault vault, CardNetworks networks,
                           DatabaseStanSequence stans, ReversalQueue reversals, WalletTopUps topUps,
                           AccountProperties properties, Clock clock) {
        this.customers = customers;
        this.accounts = accounts;
        this.vault = vault;
        this.networks = networks;
        this.stans = stans;
        this.reversals = reversals;
        this.topUps = topUps;
        this.acceptor = properties.topUpAcceptor();
        this.clock = clock;
    }

    public AccountAnswer topUp(AccountRequest.WalletTopUp request) throws ISOException {
        Optional<Customer> customer = customers.find(request.customerId());
        Optional<Account> wallet = accounts.wallet(request.customerId());
        if (customer.isEmpty() || wallet.isEmpty()) {
            return new AccountAnswer.Refused("unknown_customer", "no wallet for this customer");
        }
        if (customer.get().blocked()) {
            return refused(request, wallet.get(), "customer_blocked");
        }
        if (topUps.isCredited(request.idempotencyKey())) {
            // A repeated request: the first one charged the card and credited the wallet; charge nothing again.
            return new AccountAnswer.TopUp(true, null, request.amountMinor(), wallet.get().currency(),
                    wallet.get().balanceMinor(), wallet.get().capMinor().orElse(0), null, null, true);
        }
        long roomMinor = wallet.get().capMinor().orElse(0) - wallet.get().balanceMinor();
        if (request.amountMinor() > roomMinor) {
            // Checked before the card is charged: a charge the wallet cannot take would have to be reversed.
            return refused(request, wallet.get(), "over_limit");
        }
        Optional<VaultedCard> found = vault.cardOf(request.customerId());
        if (found.isEmpty()) {
            return refused(request, wallet.get(), "no_card_on_file");
        }
        VaultedCard card = found.get();
        try {
            Optional<String> network = networks.routeFor(card.clearPan());
            if (network.isEmpty()) {
                return refused(request, wallet.get(), "card_not_supported");
            }
            return charge(request, wallet.get(), card, network.get());
        } finally {
            card.wipe();
        }
    }

    private AccountAnswer charge(AccountRequest.WalletTopUp request, Account wallet, VaultedCard card,
                                 String network) throws ISOException {
        if (!networks.isConnected(network)) {
            return refused(request, wallet, "issuer_unavailable");
        }
        CardNetworkProperties.Network settings = networks.settings(network);
        Instant now = clock.instant();
        Stan stan = Stan.of(stans.next(network, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        // A top-up is always a financial request (0200): the wallet is credited at once, nothing to capture.
        CardRequest charge = CardRequest.build(Mti.FINANCIAL_REQUEST, TransactionType.PURCHASE, card.clearPan(), card.expiry(),
                request.amountMinor(), wallet.currency(), stan, now, settings.acquirerId(), Rrn.of(now, stan),
                acceptor.terminalId(), acceptor.acceptorId(), acceptor.acceptorNameLocation(), acceptor.mcc());
        ISOMsg answer = networks.mux(network).request(charge.toIsoMsg(), settings.timeoutMs());
        if (answer == null) {
            log.warn("No answer from {} within {} ms for top-up of customer {} (STAN {}); queueing a reversal",
                    network, settings.timeoutMs(), request.customerId(), stan.digits());
            reverse(request, network, card, charge);
            return refused(request, wallet, "issuer_unavailable");
        }
        FinancialResponse response = FinancialResponse.fromIsoMsg(answer, clock);
        ResponseCode code = response.responseCode();
        String rrn = response.keyFields().rrn().value();
        if (!code.isApproval() || response.approvalCode().isEmpty()) {
            return refused(request, wallet, code.isApproval() ? "system_error" : code.reason());
        }
        String authCode = response.approvalCode().get();
        TopUpOutcome credited;
        try {
            credited = topUps.topUpWallet(request.customerId(), request.amountMinor(), wallet.currency(),
                    request.idempotencyKey(), authCode, rrn);
        } catch (RuntimeException fault) {
            reverse(request, network, card, charge);
            throw fault;
        }
        if (!credited.approved() || credited.replayed()) {
            // The card was charged by this call but the wallet was not credited by it.
            reverse(request, network, card, charge);
        }
        Account after = accounts.wallet(request.customerId()).orElse(wallet);
        return new AccountAnswer.TopUp(credited.approved(), credited.approved() ? null : credited.reason().code(),
                request.amountMinor(), wallet.currency(), after.balanceMinor(), after.capMinor().orElse(0),
                authCode, rrn, credited.replayed());
    }

    /** The reversal's ticket names the top-up and the charge's STAN: each charge is reversed at most once. */
    private void reverse(AccountRequest.WalletTopUp request, String network, VaultedCard card, CardRequest charge) {
        Instant now = clock.instant();
        String ticketId = reversalTicketId(request.idempotencyKey(), charge.keyFields().stan());
        reversals.enqueue(ticketId, network, request.customerId(), card.token(), charge,
                Stan.of(stans.next(network, LocalDate.ofInstant(now, ZoneOffset.UTC))), now);
    }

    static String reversalTicketId(String idempotencyKey, Stan chargeStan) {
        return "top-up:" + idempotencyKey + ":" + chargeStan.digits();
    }

    private static AccountAnswer.TopUp refused(AccountRequest.WalletTopUp request, Account wallet, String reason) {
        return new AccountAnswer.TopUp(false, reason, request.amountMinor(), wallet.currency(), wallet.balanceMinor(),
                wallet.capMinor().orElse(0), null, null, false);
    }
}
