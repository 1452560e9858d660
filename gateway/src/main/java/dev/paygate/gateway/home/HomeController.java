package dev.paygate.gateway.home;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What someone who opens the gateway's root sees: what this server is and where to go next. */
@Controller
class HomeController {

    private final String demoShopUrl;

    HomeController(@Value("${paygate.demo-shop-url:}") String demoShopUrl) {
        this.demoShopUrl = demoShopUrl;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demoShopUrl", demoShopUrl.isBlank() ? null : demoShopUrl);
        return "home";
    }
}
