package dev.paygate.routes.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param queue persistent queue of what the back unit tells the front about merchants (e.g. sweeps) */
@ConfigurationProperties("paygate.events")
public record MerchantEventProperties(@DefaultValue("paygate.merchant.events") String queue) {
}
