package dev.paygate.shop.basket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.paygate.shop.ShopProperties;
import dev.paygate.shop.catalogue.Catalogue;
import dev.paygate.shop.catalogue.Product;
import dev.paygate.shop.money.IncludedVat;

/** Prices a basket from the catalogue; the basket page and checkout use the same figures. */
@Component
public record BasketPricing(Catalogue catalogue, ShopProperties shop) {

    public PricedBasket price(Basket basket) {
        List<BasketLine> lines = new ArrayList<>();
        long totalMinor = 0;
        for (Map.Entry<String, Integer> entry : basket.quantities().entrySet()) {
            // An article withdrawn from the catalogue since it was added is no longer for sale.
            Optional<Product> product = catalogue.find(entry.getKey());
            if (product.isPresent()) {
                BasketLine line = new BasketLine(product.get(), entry.getValue());
                lines.add(line);
                totalMinor = Math.addExact(totalMinor, line.lineTotalMinor());
            }
        }
        return new PricedBasket(lines, totalMinor, IncludedVat.ofGrossMinor(totalMinor, shop.vatRateBasisPoints()),
                shop.currency());
    }
}
