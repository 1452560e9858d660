package dev.paygate.shop.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BasketTest {

    private final Basket basket = new Basket();

    @Test
    void addingTheSameArticleTwiceAddsUpItsQuantity() {
        basket.add("espresso-cup", 1);
        assertThat(basket.add("espresso-cup", 2)).isEqualTo(3);
        assertThat(basket.quantities()).containsExactly(Map.entry("espresso-cup", 3));
        assertThat(basket.unitCount()).isEqualTo(3);
    }

    @Test
    void addingStopsAtTheQuantityMaximum() {
        basket.add("espresso-cup", Basket.QUANTITY_MAX - 1);
        assertThat(basket.add("espresso-cup", 5)).isEqualTo(Basket.QUANTITY_MAX);
    }

    @Test
    void keepsArticlesInTheOrderTheyWereFirstAdded() {
        basket.add("hand-grinder", 1);
        basket.add("espresso-cup", 1);
        basket.add("hand-grinder", 1);
        assertThat(basket.quantities().keySet()).containsExactly("hand-grinder", "espresso-cup");
    }

    @Test
    void settingTheQuantityToZeroRemovesTheArticle() {
        basket.add("espresso-cup", 2);
        basket.add("house-blend", 1);
        basket.setQuantity("espresso-cup", 0);
        assertThat(basket.quantities()).containsOnlyKeys("house-blend");
        basket.remove("house-blend");
        assertThat(basket.quantities()).isEmpty();
        assertThat(basket.unitCount()).isZero();
    }

    @Test
    void refusesQuantitiesOutsideItsLimits() {
        assertThatThrownBy(() -> basket.add("espresso-cup", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> basket.setQuantity("espresso-cup", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> basket.setQuantity("espresso-cup", Basket.QUANTITY_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(basket.quantities()).isEmpty();
    }
}
