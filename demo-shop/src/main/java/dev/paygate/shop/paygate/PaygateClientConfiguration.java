package dev.paygate.shop.paygate;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.HttpJwksSource;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.voucher.VoucherVerifier;
import dev.paygate.shop.ShopProperties;

/** The merchant-kit side of the shop: one of each, shared by every request (all are thread-safe). */
@Configuration(proxyBeanMethods = false)
class PaygateClientConfiguration {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final Logger log = LoggerFactory.getLogger(PaygateClientConfiguration.class);

    @Bean
    TicketSigner ticketSigner(ShopProperties shop) {
        OctetKeyPair key = MerchantKeyFile.load(Path.of(shop.privateKeyFile()));
        log.info("Signing tickets as merchant {} with key {}", shop.merchantId(), key.getKeyID());
        return new TicketSigner(key);
    }

    @Bean
    PayLink payLink(ShopProperties shop) {
        return new PayLink(shop.gatewayUrl());
    }

    /** Fetched on first use, so the shop starts before the gateway does. */
    @Bean
    JwksKeyResolver serverKeys(ShopProperties shop, Clock clock) {
        return new JwksKeyResolver(new HttpJwksSource(shop.gatewayEndpoint(JWKS_PATH)), clock,
                JwksKeyResolver.DEFAULT_REFETCH_INTERVAL_MIN, JwksKeyResolver.DEFAULT_TIME_TO_LIVE);
    }

    @Bean
    VoucherVerifier voucherVerifier(JwksKeyResolver serverKeys, Clock clock) {
        return VoucherVerifier.builder(serverKeys).clock(clock).build();
    }

    @Bean
    RefusalVerifier refusalVerifier(JwksKeyResolver serverKeys, Clock clock) {
        return new RefusalVerifier(serverKeys, clock, ExpiryCheck.DEFAULT_CLOCK_SKEW);
    }
}
