package dev.paygate.shop.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.paygate.shop.ShopProperties;

/**
 * Orders by id, in memory: a demo keeps no database. Bounded by {@code shop.orders-max}; past it the
 * oldest order is forgotten, and a voucher for it finds no order. A real shop keeps orders in its database.
 */
@Component
public class OrderBook {

    private final int ordersMax;
    private final Map<String, Order> ordersById = new LinkedHashMap<>();

    OrderBook(ShopProperties shop) {
        this.ordersMax = shop.ordersMax();
    }

    public synchronized void add(Order order) {
        if (ordersById.putIfAbsent(order.orderId(), order) != null) {
            throw new IllegalStateException("order id " + order.orderId() + " was issued twice");
        }
        if (ordersById.size() > ordersMax) {
            String oldest = ordersById.keySet().iterator().next();
            ordersById.remove(oldest);
        }
    }

    public synchronized Optional<Order> find(String orderId) {
        return Optional.ofNullable(ordersById.get(orderId));
    }
}
