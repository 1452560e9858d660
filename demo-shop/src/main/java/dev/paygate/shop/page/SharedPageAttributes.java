package dev.paygate.shop.page;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.paygate.shop.ShopProperties;

/**
 * What the layout shows on every page: shop name, demo banner, currency, and the wallet threshold behind
 * the "paid from your wallet" hints. The basket count is read by the template itself ({@code @basket}),
 * at rendering time, so a page that changed the basket shows the new count.
 */
@ControllerAdvice
class SharedPageAttributes {

    private final ShopProperties shop;

    SharedPageAttributes(ShopProperties shop) {
        this.shop = shop;
    }

    @ModelAttribute
    void addShared(Model model) {
        model.addAttribute("shopName", shop.name());
        model.addAttribute("demoHint", shop.demoHint());
        model.addAttribute("currency", shop.currency());
        model.addAttribute("walletThresholdMinor", shop.walletThresholdMinor());
    }
}
