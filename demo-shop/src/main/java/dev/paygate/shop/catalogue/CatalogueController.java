package dev.paygate.shop.catalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String catalogue(Model model) {
        model.addAttribute("products", catalogue.products());
        return "catalogue";
    }
}
