package dev.paygate.gateway.operator;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.merchant.MerchantShopUrls;
import dev.paygate.gateway.webhook.WebhookSettings;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.party.PartyExistsException;
import dev.paygate.ledger.party.UnknownPartyException;
import dev.paygate.ledger.vault.CardOnFile;
import dev.paygate.ledger.vault.CardVault;
import java.sql.SQLException;
import java.text.ParseException;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What operators change: enrollment of customers and merchants across both units, blocks, lockouts and alerts,
 * each written to the log with the operator's name. Enrollment checks every input and looks the id up before
 * its first write, so a refused request leaves nothing half-made; only a concurrent enrollment of the same id
 * can get in between. Nothing here logs a password, a PAN or an API secret.
 */
@Component
@AllInOne
record OperatorActions(CustomerRecords customers, CardVault vault, CustomerCredentials credentials,
                       MerchantRecords merchants, MerchantKeys merchantKeys, MerchantApiKeys merchantApiKeys,
                       MerchantShopUrls shopUrls, AlertLog alerts, WebhookSettings webhookSettings, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String TERMINAL_UNIQUE_CONSTRAINT = "merchant_terminal_unique";

    CustomerView enrollCustomer(CustomerEnrollment request, String operator) {
        NewCustomer customer = new NewCustomer(required(request.customerId(), "customerId"),
                required(request.displayName(), "displayName"), required(request.walletCurrency(), "walletCurrency"),
                required(request.walletCapMinor(), "walletCapMinor"));
        required(request.password(), "password");
        Optional<YearMonth> cardExpiry = checkedCard(request);
        if (customers.find(customer.customerId()).isPresent()) {
            throw customerExists(customer.customerId());
        }
        // The credential check owns the password rules; it runs before the ledger write, so a refused password
        // leaves no customer behind. Only a concurrent enrollment of the same id can get between the two.
        credentials.enroll(customer.customerId(), request.password());
        try {
            customers.create(customer);
        } catch (PartyExistsException concurrentEnrollment) {
            throw customerExists(customer.customerId());
        }
        cardExpiry.ifPresent(expiry -> vault.enroll(customer.customerId(), request.cardPan(), expiry));
        CustomerView enrolled = customerView(customer.customerId());
        log.info("Operator {} enrolled customer {} ({} wallet, card {})", operator, enrolled.customerId(),
                enrolled.walletCurrency(), enrolled.maskedPan() == null ? "none" : enrolled.maskedPan());
        return enrolled;
    }

    MerchantView enrollMerchant(MerchantEnrollment request, String operator) {
        NewMerchant merchant = new NewMerchant(required(request.merchantId(), "merchantId"),
                required(request.name(), "name"), required(request.mcc(), "mcc"),
                new BankAccount(required(request.iban(), "iban"), required(request.bic(), "bic")),
                required(request.terminalId(), "terminalId"), required(request.acceptorId(), "acceptorId"),
                required(request.acceptorNameLocation(), "acceptorNameLocation"),
                required(request.currency(), "currency"));
        OctetKeyPair publicKey = publicKey(request);
        URI notifyUrl = request.webhook() == null ? null : webhookEndpoint(request.webhook());
        URI shopUrl = request.shopUrl() == null ? null : shopUrl(request.shopUrl());
        String merchantId = merchant.merchantId();
        if (merchants.find(merchantId).isPresent() || merchantKeys.merchantName(merchantId).isPresent()) {
            throw merchantExists(merchantId);
        }
        // The ledger first: its constraints (id, terminal) are the ones a valid request can still meet.
        Merchant created = createInLedger(merchant);
        merchantKeys.register(merchantId, merchant.name(), publicKey);
        if (shopUrl != null) {
            shopUrls.register(merchantId, shopUrl);
        }
        MerchantApiKeys.IssuedApiKey issued = merchantApiKeys.issue(merchantId);
        if (notifyUrl != null) {
            webhookSettings.configure(merchantId, notifyUrl, request.webhook().secret());
        }
        log.info("Operator {} enrolled merchant {} with signing key {} and API key {}", operator, merchantId,
                publicKey.getKeyID(), issued.keyId());
        return MerchantView.of(created, publicKey.getKeyID(), shopUrl,
                new MerchantView.ApiKey(issued.keyId(), new String(issued.secret())));
    }

    CustomerView setBlocked(String customerId, boolean blocked, String operator) {
        try {
            customers.setBlocked(customerId, blocked);
        } catch (UnknownPartyException unknown) {
            throw customerNotFound(customerId);
        }
        log.info("Operator {} {} customer {}", operator, blocked ? "blocked" : "unblocked", customerId);
        return customerView(customerId);
    }

    /** Lifts the front's lockout after too many wrong passwords. */
    CustomerView unlock(String customerId, String operator) {
        if (!credentials.unlock(customerId)) {
            throw customerNotFound(customerId);
        }
        log.info("Operator {} unlocked customer {}", operator, customerId);
        return customerView(customerId);
    }

    void acknowledge(long alertId, String operator) {
        if (!alerts.acknowledge(alertId)) {
            throw OperatorRefusal.notFound("alert_not_found", "No alert " + alertId + ".");
        }
        log.info("Operator {} acknowledged alert {}", operator, alertId);
    }

    private CustomerView customerView(String customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> customerNotFound(customerId));
        String maskedPan = vault.cardOnFile(customerId).map(CardOnFile::maskedPan).orElse(null);
        return CustomerView.of(customer, credentials.isLocked(customerId), maskedPan);
    }

    /** The card's expiry when the request has a card; the PAN is checked here, its value never repeated. */
    private Optional<YearMonth> checkedCard(CustomerEnrollment request) {
        if (request.cardPan() == null && request.cardExpiry() == null) {
            return Optional.empty();
        }
        if (request.cardPan() == null || request.cardExpiry() == null) {
            throw OperatorRefusal.invalid("cardPan and cardExpiry come together");
        }
        if (!Pan.of(new String(request.cardPan())).isLuhnValid()) {
            throw OperatorRefusal.invalid("cardPan fails its Luhn check digit");
        }
        YearMonth expiry;
        try {
            expiry = YearMonth.parse(request.cardExpiry());
        } catch (DateTimeParseException notYearMonth) {
            throw OperatorRefusal.invalid("cardExpiry is YYYY-MM");
        }
        if (expiry.isBefore(YearMonth.now(clock))) {
            throw OperatorRefusal.invalid("the card expired in " + expiry);
        }
        return Optional.of(expiry);
    }

    private Merchant createInLedger(NewMerchant merchant) {
        try {
            return merchants.create(merchant);
        } catch (PartyExistsException concurrentEnrollment) {
            throw merchantExists(merchant.merchantId());
        } catch (LedgerException failure) {
            if (failure.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(TERMINAL_UNIQUE_CONSTRAINT)) {
                throw OperatorRefusal.conflict("terminal_in_use", "Terminal " + merchant.terminalId()
                        + " of acceptor " + merchant.acceptorId() + " belongs to another merchant.");
            }
            throw failure;
        }
    }

    /** Checked before anything is created, so a bad endpoint leaves no half-enrolled merchant. */
    private static URI webhookEndpoint(WebhookEndpointRequest webhook) {
        URI notifyUrl = URI.create(required(webhook.notifyUrl(), "webhook.notifyUrl"));
        WebhookSettings.validate(notifyUrl, webhook.secret());
        return notifyUrl;
    }

    /** Checked before anything is created, as the notify URL is. */
    private static URI shopUrl(String shopUrl) {
        try {
            return MerchantShopUrls.validate(URI.create(shopUrl));
        } catch (IllegalArgumentException invalid) {
            throw OperatorRefusal.invalid(invalid.getMessage());
        }
    }

    /**
     * The merchant's key, checked as {@link MerchantKeys#register} checks it, but before the ledger write, so
     * a wrong key leaves no merchant behind.
     */
    private static OctetKeyPair publicKey(MerchantEnrollment request) {
        if (request.publicJwk() == null) {
            throw OperatorRefusal.invalid("publicJwk is required, as a JWK object");
        }
        JWK parsed;
        try {
            parsed = JWK.parse(request.publicJwk());
        } catch (ParseException notJwk) {
            // The parser's message may quote the key: leave it out.
            throw OperatorRefusal.invalid("publicJwk is not a valid JWK");
        }
        if (!(parsed instanceof OctetKeyPair key) || !Curve.Ed25519.equals(key.getCurve())) {
            throw OperatorRefusal.invalid("publicJwk must be an Ed25519 OKP key");
        }
        if (key.isPrivate()) {
            throw OperatorRefusal.invalid("publicJwk must hold the public key only, never the private part");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw OperatorRefusal.invalid("publicJwk needs a kid");
        }
        return key;
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw OperatorRefusal.invalid(name + " is required");
        }
        return value;
    }

    private static OperatorRefusal customerExists(String customerId) {
        return OperatorRefusal.conflict("customer_exists", "Customer " + customerId + " is already enrolled.");
    }

    private static OperatorRefusal merchantExists(String merchantId) {
        return OperatorRefusal.conflict("merchant_exists", "Merchant " + merchantId + " is already enrolled.");
    }

    private static OperatorRefusal customerNotFound(String customerId) {
        return OperatorRefusal.notFound("customer_not_found", "No customer " + customerId + ".");
    }
}
