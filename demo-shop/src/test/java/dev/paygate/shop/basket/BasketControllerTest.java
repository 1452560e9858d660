package dev.paygate.shop.basket;

import static dev.paygate.shop.PageElements.attribute;
import static dev.paygate.shop.PageElements.hasElement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import dev.paygate.shop.ShopWebTest;

@ShopWebTest
class BasketControllerTest {

    @Autowired
    private MockMvc mvc;
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void addedArticlesAppearWithTheirQuantitiesTotalAndIncludedVat() throws Exception {
        add("espresso-cup", 1);
        add("hand-grinder", 2);

        String page = basketPage();
        assertThat(attribute(page, "line-espresso-cup", "data-quantity")).isEqualTo("1");
        assertThat(attribute(page, "line-hand-grinder", "data-quantity")).isEqualTo("2");
        // 4.50 + 2 x 49.90 = 104.30, of which 20 % VAT included: 104.30 / 6 = 17.38.
        assertThat(attribute(page, "basket-total", "data-amount-minor")).isEqualTo("10430");
        assertThat(attribute(page, "basket-vat", "data-amount-minor")).isEqualTo("1738");
        assertThat(page).contains("EUR 104.30", "EUR 99.80", "VAT included (20 %)");
        assertThat(hasElement(page, "checkout")).isTrue();
    }

    @Test
    void addingAgainRaisesTheQuantity() throws Exception {
        add("house-blend", 1);
        add("house-blend", 1);

        String page = basketPage();
        assertThat(attribute(page, "line-house-blend", "data-quantity")).isEqualTo("2");
        assertThat(attribute(page, "basket-total", "data-amount-minor")).isEqualTo("2400");
    }

    @Test
    void updatingAQuantityChangesTheTotal() throws Exception {
        add("espresso-cup", 1);

        mvc.perform(post("/basket/items/espresso-cup/quantity").param("quantity", "4").session(session))
                .andExpect(redirectedUrl("/basket"));

        assertThat(attribute(basketPage(), "basket-total", "data-amount-minor")).isEqualTo("1800");
    }

    @Test
    void removingAnArticleTakesItOutOfTheTotal() throws Exception {
        add("espresso-cup", 1);
        add("espresso-machine", 1);

        mvc.perform(post("/basket/items/espresso-machine/remove").session(session)).andExpect(redirectedUrl("/basket"));

        String page = basketPage();
        assertThat(hasElement(page, "line-espresso-machine")).isFalse();
        assertThat(attribute(page, "basket-total", "data-amount-minor")).isEqualTo("450");
    }

    @Test
    void quantityZeroRemovesTheLastArticleAndLeavesNoCheckout() throws Exception {
        add("espresso-cup", 1);

        mvc.perform(post("/basket/items/espresso-cup/quantity").param("quantity", "0").session(session))
                .andExpect(redirectedUrl("/basket"));

        String page = basketPage();
        assertThat(hasElement(page, "basket-empty")).isTrue();
        assertThat(hasElement(page, "checkout")).isFalse();
    }

    @Test
    void theBasketBelongsToOneSession() throws Exception {
        add("espresso-cup", 1);

        String otherVisitor = mvc.perform(get("/basket").session(new MockHttpSession()))
                .andReturn().getResponse().getContentAsString();
        assertThat(hasElement(otherVisitor, "basket-empty")).isTrue();
    }

    @Test
    void anUnknownArticleIsNotFound() throws Exception {
        mvc.perform(post("/basket/items").param("sku", "tea-pot").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void aQuantityOutOfRangeIsABadRequest() throws Exception {
        add("espresso-cup", 1);

        mvc.perform(post("/basket/items/espresso-cup/quantity").param("quantity", "100").session(session))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/basket/items").param("sku", "espresso-cup").param("quantity", "-2").session(session))
                .andExpect(status().isBadRequest());
        assertThat(attribute(basketPage(), "line-espresso-cup", "data-quantity")).isEqualTo("1");
    }

    private void add(String sku, int quantity) throws Exception {
        mvc.perform(post("/basket/items").param("sku", sku).param("quantity", String.valueOf(quantity))
                        .session(session))
                .andExpect(redirectedUrl("/basket"));
    }

    private String basketPage() throws Exception {
        return mvc.perform(get("/basket").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
