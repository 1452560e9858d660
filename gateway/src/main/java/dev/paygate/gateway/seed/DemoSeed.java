package dev.paygate.gateway.seed;

import com.nimbusds.jose.jwk.JWK;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.merchant.MerchantShopUrls;
import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.vault.CardVault;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo merchant and customers once, when they are missing, so the embedded default works from
 * the first start. Each party is checked and created on its own: a restart moves no money.
 */
@Component
@ConditionalOnProperty(name = "paygate.seed.enabled", havingValue = "true")
record DemoSeed(PaygateRuntimeProperties runtime, MerchantRecords merchants, CustomerRecords customers, CardVault vault,
        WalletTopUps topUps, MerchantKeys merchantKeys, MerchantApiKeys merchantApiKeys, MerchantShopUrls shopUrls,
        CustomerCredentials credentials) implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    @Override
    public void run(ApplicationArguments args) throws IOException, ParseException {
        Path file = runtime.configDirectory().resolve("seed").resolve("demo.yml");
        DemoSeedData data = load(file);
        for (DemoSeedData.DemoMerchant merchant : data.merchants()) {
            seed(merchant);
        }
        for (DemoSeedData.DemoCustomer customer : data.customers()) {
            seed(customer);
        }
    }

    private void seed(DemoSeedData.DemoMerchant merchant) throws IOException, ParseException {
        JWK publicKey = JWK.parse(Files.readString(runtime.configDirectory().resolve(merchant.publicKeyFile())));
        if (merchantKeys.find(merchant.id(), publicKey.getKeyID()).isEmpty()) {
            merchantKeys.register(merchant.id(), merchant.name(), publicKey);
            log.info("Registered demo merchant {} key {}", merchant.id(), publicKey.getKeyID());
        }
        if (merchants.find(merchant.id()).isEmpty()) {
            merchants.create(new NewMerchant(merchant.id(), merchant.name(), merchant.mcc(),
                    new BankAccount(merchant.iban(), merchant.bic()), merchant.terminalId(), merchant.acceptorId(),
                    merchant.acceptorNameLocation(), merchant.currency()));
            log.info("Seeded demo merchant {}", merchant.id());
        }
        String shopUrl = merchant.shopUrl() != null ? merchant.shopUrl() : runtime.demoShopUrl();
        if (!shopUrl.isBlank() && shopUrls.find(merchant.id()).isEmpty()) {
            shopUrls.register(merchant.id(), URI.create(shopUrl));
        }
        if (merchantApiKeys.list(merchant.id()).isEmpty()) {
            MerchantApiKeys.IssuedApiKey key = merchantApiKeys.issue(merchant.id());
            // Deliberately logged, once, like the generated operator password: a local demo credential, so the
            // merchant API and dashboard can be tried at once. Only its digest is kept.
            log.warn("Generated an API key for demo merchant {}: key id '{}', secret '{}'. This is shown once; only"
                            + " its digest is kept. Sign in to the merchant dashboard at /merchant with it, or call the"
                            + " merchant API with HTTP Basic (curl -u {}:<secret> .../api/v1/merchants/me/till).",
                    merchant.id(), key.keyId(), new String(key.secret()), key.keyId());
            Arrays.fill(key.secret(), '\0');
        }
    }

    /** Every step checks its own effect, so a seed cut short finishes on the next start, and moves money once. */
    private void seed(DemoSeedData.DemoCustomer customer) {
        if (customers.find(customer.id()).isEmpty()) {
            customers.create(new NewCustomer(customer.id(), customer.name(), customer.currency(), customer.walletCapMinor()));
            // Only with the customer's creation: a restart must not undo a password change or a lockout.
            credentials.enroll(customer.id(), customer.password().toCharArray());
            log.info("Seeded demo customer {}", customer.id());
        }
        if (customer.cardPan() != null && vault.cardOnFile(customer.id()).isEmpty()) {
            vault.enroll(customer.id(), customer.cardPan().toCharArray(), customer.cardExpiry());
        }
        if (customer.openingBalanceMinor() > 0) {
            // Demo money must come from somewhere: the top-up funding account, as a card top-up would.
            topUps.topUpWallet(customer.id(), customer.openingBalanceMinor(), customer.currency(),
                    "seed-opening-balance-" + customer.id(), "SEED00", null);
        }
    }

    private static DemoSeedData load(Path file) throws IOException {
        var sources = new YamlPropertySourceLoader().load("demo-seed", new FileSystemResource(file));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("seed", DemoSeedData.class)
                .orElseThrow(() -> new IllegalStateException("no `seed:` section in " + file));
    }
}
