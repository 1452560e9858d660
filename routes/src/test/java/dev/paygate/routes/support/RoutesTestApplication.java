package dev.paygate.routes.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The routes module as the gateway wires it, without HTTP: front and back units in one process. */
@SpringBootApplication(scanBasePackages = "dev.paygate.routes")
public class RoutesTestApplication {
}
