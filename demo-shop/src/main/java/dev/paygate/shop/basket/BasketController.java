package dev.paygate.shop.basket;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paygate.shop.ShopProperties;
import dev.paygate.shop.catalogue.Catalogue;
import dev.paygate.shop.catalogue.Product;

/** The basket page and its forms; every change answers with a redirect, so a reload never repeats it. */
@Controller
@RequestMapping("/basket")
record BasketController(Basket basket, BasketPricing pricing, Catalogue catalogue, ShopProperties shop) {

    @GetMapping
    String show(Model model) {
        PricedBasket priced = pricing.price(basket);
        model.addAttribute("basket", priced);
        model.addAttribute("quantityMax", Basket.QUANTITY_MAX);
        model.addAttribute("paidFromWallet", priced.totalMinor() <= shop.walletThresholdMinor());
        // 2000 basis points read "20", 550 read "5.5".
        String vatRatePercent = BigDecimal.valueOf(shop.vatRateBasisPoints(), 2).stripTrailingZeros().toPlainString();
        model.addAttribute("vatRatePercent", vatRatePercent);
        return "basket";
    }

    @PostMapping("/items")
    String add(@RequestParam String sku, @RequestParam(defaultValue = "1") int quantity,
            RedirectAttributes redirect) {
        Product product = product(sku);
        requireQuantity(quantity, 1);
        int inBasket = basket.add(sku, quantity);
        redirect.addFlashAttribute("notice", inBasket == Basket.QUANTITY_MAX
                ? product.name() + ": " + Basket.QUANTITY_MAX + " is the most one order can hold."
                : "Added " + product.name() + " to your basket.");
        return "redirect:/basket";
    }

    @PostMapping("/items/{sku}/quantity")
    String setQuantity(@PathVariable String sku, @RequestParam int quantity, RedirectAttributes redirect) {
        Product product = product(sku);
        requireQuantity(quantity, 0);
        basket.setQuantity(sku, quantity);
        redirect.addFlashAttribute("notice", quantity == 0
                ? "Removed " + product.name() + "."
                : product.name() + ": quantity is now " + quantity + ".");
        return "redirect:/basket";
    }

    @PostMapping("/items/{sku}/remove")
    String remove(@PathVariable String sku, RedirectAttributes redirect) {
        Product product = product(sku);
        basket.remove(sku);
        redirect.addFlashAttribute("notice", "Removed " + product.name() + ".");
        return "redirect:/basket";
    }

    private Product product(String sku) {
        return catalogue.find(sku).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > Basket.QUANTITY_MAX) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A quantity goes from " + min + " to " + Basket.QUANTITY_MAX + ".");
        }
    }
}
