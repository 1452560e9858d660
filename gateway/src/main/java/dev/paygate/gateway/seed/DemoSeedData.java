package dev.paygate.gateway.seed;

import java.time.YearMonth;
import java.util.List;

/** The parties of {@code config/seed/demo.yml}. */
public record DemoSeedData(List<DemoMerchant> merchants, List<DemoCustomer> customers) {

    public DemoSeedData {
        merchants = merchants == null ? List.of() : List.copyOf(merchants);
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    /**
     * @param publicKeyFile the merchant's public JWK, relative to the config directory
     * @param shopUrl       the shop's registered address; when absent, {@code paygate.demo-shop-url}
     */
    public record DemoMerchant(String id, String name, String mcc, String iban, String bic, String terminalId,
                               String acceptorId, String acceptorNameLocation, String currency, String publicKeyFile,
                               String shopUrl) {
    }

    public record DemoCustomer(String id, String name, String password, String currency, long walletCapMinor,
                               long openingBalanceMinor, String cardPan, YearMonth cardExpiry) {
    }
}
