package dev.paygate.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's customers, as entries of the seed's {@code customers} list (config/seed/demo.yml): one per card
 * behaviour of {@link PaymentKind} with that test card and an empty wallet, the wallet payers with funded wallets,
 * and the probes' own. The same list seeds the embedded gateway and the local cluster.
 */
final class RunCustomers {

    static final String OTHER_WALLET_PAYER = "f-wallet-2";
    static final String PASSWORD_GUESSED = "f-brute";
    private static final long WALLET_MINOR = 50_000;

    private RunCustomers() {
    }

    static String seedYaml() {
        Map<String, String> cardByCustomer = new LinkedHashMap<>();
        for (PaymentKind kind : PaymentKind.values()) {
            cardByCustomer.putIfAbsent(kind.customerId(), kind.cardPan());
        }
        cardByCustomer.put(OTHER_WALLET_PAYER, null);
        cardByCustomer.put(PASSWORD_GUESSED, null);
        StringBuilder customers = new StringBuilder();
        cardByCustomer.forEach((customerId, pan) -> {
            customers.append("    - id: ").append(customerId).append('\n')
                    .append("      name: Faults ").append(customerId).append('\n')
                    .append("      password: ").append(PaymentKind.passwordOf(customerId)).append('\n')
                    .append("      currency: EUR\n")
                    .append("      wallet-cap-minor: ").append(WALLET_MINOR).append('\n')
                    .append("      opening-balance-minor: ").append(pan == null ? WALLET_MINOR : 0).append('\n');
            if (pan != null) {
                customers.append("      card-pan: \"").append(pan).append("\"\n").append("      card-expiry: 2049-12\n");
            }
        });
        return customers.toString();
    }
}
