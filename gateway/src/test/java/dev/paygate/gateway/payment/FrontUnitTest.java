package dev.paygate.gateway.payment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The front unit on a real HTTP port (loopback, ephemeral), real PostgreSQL, stub back unit; one cached
 * context for every test class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = FrontTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "server.error.include-stacktrace=never",
                "server.error.include-message=never",
                "paygate.data-directory=target/front-test-data",
                // Every test calls from 127.0.0.1: delays per source would mix tests up (ThrottleOverHttpTest checks them).
                "paygate.front.auth.throttle.free-failures=1000000",
        })
public @interface FrontUnitTest {
}
