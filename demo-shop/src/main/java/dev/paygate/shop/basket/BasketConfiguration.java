package dev.paygate.shop.basket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.annotation.SessionScope;

@Configuration(proxyBeanMethods = false)
class BasketConfiguration {

    /** A proxy: each HTTP session gets its own basket, created on first use. */
    @Bean
    @SessionScope
    Basket basket() {
        return new Basket();
    }
}
