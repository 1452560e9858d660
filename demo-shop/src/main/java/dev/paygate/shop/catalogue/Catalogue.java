package dev.paygate.shop.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the shop sells. Prices are chosen to show both settlement paths of the payment server: up to its
 * wallet threshold (EUR 30.00 in the demo) a basket is paid from the customer's wallet, above it the
 * customer's card is charged.
 */
@Component
public final class Catalogue {

    private final List<Product> products = List.of(
            new Product("espresso-cup", "Espresso cup", "Thick-walled porcelain, 70 ml: keeps a shot hot.", 450),
            new Product("house-blend", "House blend beans, 250 g", "Medium roast with cocoa and hazelnut notes.", 1200),
            new Product("ethiopia-beans", "Ethiopia Yirgacheffe beans, 250 g", "Light roast, jasmine and lemon.", 1690),
            new Product("hand-grinder", "Hand grinder", "Ceramic conical burrs, 30 grind settings.", 4990),
            new Product("espresso-machine", "Compact espresso machine", "15 bar pump, steam wand, 1.2 l tank.", 12000));

    public List<Product> products() {
        return products;
    }

    public Optional<Product> find(String sku) {
        return products.stream().filter(product -> product.sku().equals(sku)).findFirst();
    }
}
