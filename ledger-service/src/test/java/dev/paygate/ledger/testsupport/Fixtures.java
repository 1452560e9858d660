package dev.paygate.ledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.RegisterOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Customers, merchants and orders for tests, created through the ledger's own API. */
public final class Fixtures {

    public static final String EUR = "EUR";
    public static final long WALLET_CAP_MINOR = 100_000;
    /** Valid IBANs (check digits verified) with their banks' BICs. */
    public static final BankAccount MERCHANT_BANK = new BankAccount("DE89370400440532013000", "COBADEFFXXX");
    public static final BankAccount OPERATOR_BANK = new BankAccount("NL91ABNA0417164300", "ABNANL2A");

    private static final AtomicInteger TERMINALS = new AtomicInteger();

    private final CustomerRecords customers;
    private final MerchantRecords merchants;
    private final WalletTopUps topUps;

    public Fixtures(DataSource dataSource) {
        this.customers = new CustomerRecords(dataSource);
        this.merchants = new MerchantRecords(dataSource);
        this.topUps = new WalletTopUps(dataSource);
    }

    public WalletTopUps topUps() {
        return topUps;
    }

    public Customer customer(String customerId, String currency, long capMinor) {
        return customers.create(new NewCustomer(customerId, "Customer " + customerId, currency, capMinor));
    }

    /** A EUR customer whose wallet holds {@code balanceMinor}, topped up through the ledger. */
    public Customer fundedCustomer(String customerId, long balanceMinor) {
        Customer customer = customer(customerId, EUR, WALLET_CAP_MINOR);
        if (balanceMinor > 0) {
            assertThat(topUps.topUpWallet(customerId, balanceMinor, EUR, "fund-" + customerId, "A1B2C3",
                    "000000000001").approved()).isTrue();
        }
        return customer;
    }

    public Merchant merchant(String merchantId) {
        return merchant(merchantId, EUR);
    }

    public Merchant merchant(String merchantId, String currency) {
        return merchant(merchantId, currency, "Shop " + merchantId);
    }

    public Merchant merchant(String merchantId, String currency, String name) {
        int terminal = TERMINALS.incrementAndGet();
        return merchants.create(new NewMerchant(merchantId, name, "5999", MERCHANT_BANK,
                String.format("T%07d", terminal), String.format("PAYGATE%08d", terminal),
                "Shop " + merchantId + " Berlin DE", currency));
    }

    public static RegisterOrder order(String merchantId, String customerId, long amountMinor) {
        return order(UUID.randomUUID().toString(), merchantId, customerId, amountMinor);
    }

    public static RegisterOrder order(String ticketId, String merchantId, String customerId, long amountMinor) {
        return new RegisterOrder(ticketId, merchantId, customerId, "order-" + ticketId, amountMinor, amountMinor / 5,
                EUR, "serial-" + ticketId, List.of(new OrderItem("sku-1", "Coffee", 1, amountMinor)),
                Instant.parse("2026-11-24T10:15:30Z"));
    }
}
