package dev.paygate.merchant.ticket;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.ClaimsReader;
import dev.paygate.merchant.jose.Ids;
import dev.paygate.merchant.jose.IssuedTokenBuilder;
import dev.paygate.merchant.jose.InvalidClaimsException;

/**
 * A payment ticket (typ {@code paygate-ticket+jwt}): what the merchant asks the customer to pay, signed
 * by the merchant so the browser carrying it cannot change the price. See docs/formats.md.
 *
 * <p>Invariants, checked whether the ticket is built or parsed: a basket has at least one item and its
 * item lines ({@code qty * amountMinor}) add up to {@code amountMinor}; a simple ticket has at most one
 * item, whose line total is then {@code amountMinor}; VAT never exceeds the amount; exp is after iat.
 *
 * @param ticketId claim {@code jti}
 * @param merchantId claim {@code mid}
 * @param customerId claim {@code cid}; null when the payment page asks the customer who they are
 * @param orderId claim {@code oid}
 * @param type claim {@code type}
 * @param items claim {@code items}
 * @param amountMinor claim {@code amountMinor}, the total in minor units; 0 asks for authentication only
 * @param vatMinor claim {@code vatMinor}, the VAT included in the total
 * @param currency claim {@code currency}, ISO 4217 alphabetic
 * @param serial claim {@code serial}, the merchant's sales-register serial
 * @param issuedAt claim {@code iat}, whole seconds
 * @param expiresAt claim {@code exp}, whole seconds
 * @param returnUrl claim {@code returnUrl}: where the browser brings the voucher (or refusal)
 * @param cancelUrl claim {@code cancelUrl}: where Cancel on the payment page leads
 */
public record Ticket(String ticketId, String merchantId, String customerId, String orderId, TicketType type,
        List<TicketItem> items, long amountMinor, long vatMinor, String currency, String serial,
        Instant issuedAt, Instant expiresAt, URI returnUrl, URI cancelUrl) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);
    public static final int ITEMS_MAX = 200;

    public Ticket {
        ClaimRules.requireId(ClaimNames.JWT_ID, ticketId);
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        if (customerId != null) {
            ClaimRules.requireId(ClaimNames.CUSTOMER_ID, customerId);
        }
        ClaimRules.requireId(ClaimNames.ORDER_ID, orderId);
        ClaimRules.requirePresent(ClaimNames.TICKET_TYPE, type);
        items = List.copyOf(ClaimRules.requirePresent(ClaimNames.ITEMS, items));
        ClaimRules.requireAmountMinor(ClaimNames.AMOUNT_MINOR, amountMinor);
        ClaimRules.requireAmountMinor(ClaimNames.VAT_MINOR, vatMinor);
        if (vatMinor > amountMinor) {
            throw new IllegalArgumentException(ClaimNames.VAT_MINOR + ": " + vatMinor + " exceeds "
                    + ClaimNames.AMOUNT_MINOR + " " + amountMinor);
        }
        requireItemsMatchAmount(type, items, amountMinor);
        ClaimRules.requireCurrency(ClaimNames.CURRENCY, currency);
        ClaimRules.requireId(ClaimNames.SERIAL, serial);
        issuedAt = ClaimRules.toWholeSeconds(ClaimNames.ISSUED_AT, issuedAt);
        expiresAt = ClaimRules.toWholeSeconds(ClaimNames.EXPIRES_AT, expiresAt);
        ClaimRules.requireExpiresAfterIssued(issuedAt, expiresAt);
        ClaimRules.requireWebUrl(ClaimNames.RETURN_URL, returnUrl);
        ClaimRules.requireWebUrl(ClaimNames.CANCEL_URL, cancelUrl);
    }

    /** Starts a ticket for one priced purchase (at most one item line). */
    public static Builder simple(String merchantId, String orderId) {
        return new Builder(TicketType.SIMPLE, merchantId, orderId);
    }

    /** Starts a basket: item lines whose total becomes the amount unless one is set. */
    public static Builder basket(String merchantId, String orderId) {
        return new Builder(TicketType.BASKET, merchantId, orderId);
    }

    /** Sum of {@code qty * amountMinor} over the items. */
    public long itemsTotalMinor() {
        return itemsTotalMinor(items);
    }

    public JWTClaimsSet toClaims() {
        List<Map<String, Object>> itemClaims = new ArrayList<>(items.size());
        for (TicketItem item : items) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(ClaimNames.ITEM_REF, item.ref());
            line.put(ClaimNames.ITEM_LABEL, item.label());
            line.put(ClaimNames.ITEM_QUANTITY, item.quantity());
            line.put(ClaimNames.AMOUNT_MINOR, item.unitAmountMinor());
            itemClaims.add(line);
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim(ClaimNames.MERCHANT_ID, merchantId);
        if (customerId != null) {
            claims.claim(ClaimNames.CUSTOMER_ID, customerId);
        }
        return claims
                .claim(ClaimNames.ORDER_ID, orderId)
                .claim(ClaimNames.TICKET_TYPE, type.code())
                .claim(ClaimNames.ITEMS, itemClaims)
                .claim(ClaimNames.AMOUNT_MINOR, amountMinor)
                .claim(ClaimNames.VAT_MINOR, vatMinor)
                .claim(ClaimNames.CURRENCY, currency)
                .claim(ClaimNames.SERIAL, serial)
                .claim(ClaimNames.RETURN_URL, returnUrl.toString())
                .claim(ClaimNames.CANCEL_URL, cancelUrl.toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(ticketId)
                .build();
    }

    public static Ticket fromClaims(JWTClaimsSet claims) throws InvalidClaimsException {
        return ClaimsReader.read(claims, read -> {
            List<TicketItem> items = new ArrayList<>();
            for (ClaimsReader item : read.optionalObjectList(ClaimNames.ITEMS, ITEMS_MAX)) {
                items.add(new TicketItem(
                        item.requiredString(ClaimNames.ITEM_REF),
                        item.requiredString(ClaimNames.ITEM_LABEL),
                        item.requiredLong(ClaimNames.ITEM_QUANTITY),
                        item.requiredLong(ClaimNames.AMOUNT_MINOR)));
            }
            return new Ticket(
                    read.requiredString(ClaimNames.JWT_ID),
                    read.requiredString(ClaimNames.MERCHANT_ID),
                    read.optionalString(ClaimNames.CUSTOMER_ID).orElse(null),
                    read.requiredString(ClaimNames.ORDER_ID),
                    TicketType.fromCode(read.requiredString(ClaimNames.TICKET_TYPE)),
                    items,
                    read.requiredLong(ClaimNames.AMOUNT_MINOR),
                    read.requiredLong(ClaimNames.VAT_MINOR),
                    read.requiredString(ClaimNames.CURRENCY),
                    read.requiredString(ClaimNames.SERIAL),
                    read.requiredInstant(ClaimNames.ISSUED_AT),
                    read.requiredInstant(ClaimNames.EXPIRES_AT),
                    read.requiredUri(ClaimNames.RETURN_URL),
                    read.requiredUri(ClaimNames.CANCEL_URL));
        });
    }

    private static void requireItemsMatchAmount(TicketType type, List<TicketItem> items, long amountMinor) {
        if (items.size() > ITEMS_MAX) {
            throw new IllegalArgumentException(ClaimNames.ITEMS + ": " + items.size() + " lines, at most " + ITEMS_MAX);
        }
        if (type == TicketType.BASKET && items.isEmpty()) {
            throw new IllegalArgumentException(ClaimNames.ITEMS + ": a basket needs at least one item");
        }
        if (type == TicketType.SIMPLE && items.size() > 1) {
            throw new IllegalArgumentException(ClaimNames.ITEMS + ": a simple ticket carries one item or none, not "
                    + items.size() + "; use a basket");
        }
        if (items.isEmpty()) {
            return;
        }
        long itemsTotalMinor = itemsTotalMinor(items);
        if (itemsTotalMinor != amountMinor) {
            throw new IllegalArgumentException(ClaimNames.AMOUNT_MINOR + ": items add up to " + itemsTotalMinor
                    + " but " + ClaimNames.AMOUNT_MINOR + " is " + amountMinor);
        }
    }

    private static long itemsTotalMinor(List<TicketItem> items) {
        long totalMinor = 0;
        for (TicketItem item : items) {
            try {
                totalMinor = Math.addExact(totalMinor, item.lineTotalMinor());
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException(ClaimNames.ITEMS + ": the lines add up past 64 bits", overflow);
            }
        }
        return ClaimRules.requireAmountMinor(ClaimNames.ITEMS + " total", totalMinor);
    }

    /** Merchant-side builder; ticket id, issue time and expiry get sensible defaults. Not thread-safe. */
    public static final class Builder extends IssuedTokenBuilder<Builder> {

        private final TicketType type;
        private final String merchantId;
        private final String orderId;
        private final List<TicketItem> items = new ArrayList<>();
        private String customerId;
        private Long amountMinor;
        private long vatMinor;
        private String currency;
        private String serial;
        private URI returnUrl;
        private URI cancelUrl;
        private String ticketId;

        private Builder(TicketType type, String merchantId, String orderId) {
            super(DEFAULT_VALIDITY);
            this.type = type;
            this.merchantId = merchantId;
            this.orderId = orderId;
        }

        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder item(String ref, String label, long quantity, long unitAmountMinor) {
            return item(new TicketItem(ref, label, quantity, unitAmountMinor));
        }

        public Builder item(TicketItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Required unless there are items; with items it must equal their total. */
        public Builder amountMinor(long amountMinor) {
            this.amountMinor = amountMinor;
            return this;
        }

        public Builder vatMinor(long vatMinor) {
            this.vatMinor = vatMinor;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder serial(String serial) {
            this.serial = serial;
            return this;
        }

        public Builder returnUrl(URI returnUrl) {
            this.returnUrl = returnUrl;
            return this;
        }

        public Builder cancelUrl(URI cancelUrl) {
            this.cancelUrl = cancelUrl;
            return this;
        }

        /** Defaults to a random 128-bit id. */
        public Builder ticketId(String ticketId) {
            this.ticketId = ticketId;
            return this;
        }

        public Ticket build() {
            if (amountMinor == null && items.isEmpty()) {
                throw new IllegalArgumentException(ClaimNames.AMOUNT_MINOR + ": is required when there are no items");
            }
            long total = amountMinor != null ? amountMinor : itemsTotalMinor(items);
            Instant issued = issued();
            return new Ticket(ticketId != null ? ticketId : Ids.random(), merchantId, customerId, orderId, type, items,
                    total, vatMinor, currency, serial, issued, expiresAt(issued), returnUrl, cancelUrl);
        }
    }
}
