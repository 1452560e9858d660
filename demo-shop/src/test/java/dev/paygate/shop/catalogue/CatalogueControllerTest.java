package dev.paygate.shop.catalogue;

import static dev.paygate.shop.PageElements.attribute;
import static dev.paygate.shop.PageElements.hasElement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.paygate.shop.ShopWebTest;

@ShopWebTest
class CatalogueControllerTest {

    private static final long WALLET_THRESHOLD_MINOR = 3000;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private Catalogue catalogue;

    @Test
    void catalogueShowsEveryProductWithItsPriceAndButtons() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (Product product : catalogue.products()) {
            assertThat(page).contains(product.name());
            assertThat(hasElement(page, "add-" + product.sku())).as("add button of %s", product.sku()).isTrue();
            assertThat(hasElement(page, "buy-" + product.sku())).as("buy-now button of %s", product.sku()).isTrue();
        }
        assertThat(page).contains("EUR 4.50", "EUR 12.00", "EUR 49.90", "EUR 120.00");
    }

    @Test
    void everyPageShowsTheDemoBannerWithTheDemoCustomers() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"demo-banner\"", "alice-demo-pass", "bob-demo-pass")
                .contains("EUR 100.00", "EUR 5.00");
    }

    @Test
    void pagesLoadNothingFromOtherSites() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("src=\"http", "href=\"http", "<script");
        assertThat(attribute(page, "main", "tabindex")).isEqualTo("-1");
    }

    @Test
    void catalogueHasArticlesForBothSettlementPaths() {
        assertThat(catalogue.products()).anyMatch(product -> product.unitPriceMinor() <= WALLET_THRESHOLD_MINOR);
        assertThat(catalogue.products()).anyMatch(product -> product.unitPriceMinor() > WALLET_THRESHOLD_MINOR);
    }
}
