package dev.paygate.shop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole shop behind MockMvc, signing with the demo key pair of the repository (tests run in demo-shop/,
 * the keys live in ../config/demo-shop/). Classes with no further properties share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "shop.private-key-file=" + ShopWebTest.DEMO_PRIVATE_KEY_FILE)
@AutoConfigureMockMvc
public @interface ShopWebTest {

    String DEMO_PRIVATE_KEY_FILE = "../config/demo-shop/merchant-key.jwk.json";
    /** What the gateway's seed registers for merchant demo-shop. */
    String DEMO_PUBLIC_KEY_FILE = "../config/demo-shop/merchant-key.public.jwk.json";
}
