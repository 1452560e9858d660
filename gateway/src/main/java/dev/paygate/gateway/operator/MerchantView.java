package dev.paygate.gateway.operator;

import dev.paygate.ledger.party.Merchant;
import java.net.URI;

/**
 * An enrolled merchant and its first API key; the secret is in this answer only and is stored as a digest.
 *
 * @param kid     the registered ticket-signing key
 * @param shopUrl the registered shop address; null when none was given
 */
record MerchantView(String merchantId, String name, String mcc, String iban, String bic, String terminalId,
                    String acceptorId, String acceptorNameLocation, String currency, String kid, String shopUrl,
                    ApiKey apiKey) {

    static MerchantView of(Merchant merchant, String kid, URI shopUrl, ApiKey apiKey) {
        return new MerchantView(merchant.merchantId(), merchant.name(), merchant.mcc(), merchant.bankAccount().iban(),
                merchant.bankAccount().bic(), merchant.terminalId(), merchant.acceptorId(),
                merchant.acceptorNameLocation(), merchant.tillCurrency(), kid,
                shopUrl == null ? null : shopUrl.toString(), apiKey);
    }

    /** HTTP Basic for the merchant API: {@code keyId} as user name, {@code secret} as password. Shown once. */
    record ApiKey(String keyId, String secret) {
        @Override
        public String toString() {
            return "ApiKey[keyId=" + keyId + ", secret=***]";
        }
    }

    @Override
    public String toString() {
        return "MerchantView[merchantId=" + merchantId + ", kid=" + kid + ", apiKey=" + apiKey + "]";
    }
}
