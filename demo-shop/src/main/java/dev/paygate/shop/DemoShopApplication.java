package dev.paygate.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DemoShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(DemoShopApplication.class, args);
    }
}
