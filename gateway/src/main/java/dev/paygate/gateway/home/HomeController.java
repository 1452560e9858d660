package dev.paygate.gateway.home;

import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What someone who opens the gateway's root sees: what this server is and where to go next. */
@Controller
record HomeController(PaygateRuntimeProperties runtime) {

    @GetMapping("/")
    String home(Model model) {
        String demoShopUrl = runtime.demoShopUrl();
        model.addAttribute("demoShopUrl", demoShopUrl.isBlank() ? null : demoShopUrl);
        return "home";
    }
}
