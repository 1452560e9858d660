package dev.paygate.merchant.voucher;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.ClaimsReader;
import dev.paygate.merchant.jose.Ids;
import dev.paygate.merchant.jose.IssuedTokenBuilder;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.ticket.Ticket;

/**
 * The cash voucher (typ {@code paygate-voucher+jwt}): the payment server's signed statement that a ticket
 * was paid. Short-lived (60 s by default) because the browser carries it straight to the return URL.
 * See docs/formats.md.
 *
 * <p>Invariants: {@code auth-only} exactly when the amount is 0; a card payment carries authCode and rrn,
 * the other paths carry neither; VAT never exceeds the amount; exp is after iat.
 *
 * @param voucherId claim {@code vid}
 * @param ticketId claim {@code tid}: the ticket's jti
 * @param merchantId claim {@code mid}
 * @param customerId claim {@code cid}: the customer who paid
 * @param orderId claim {@code oid}
 * @param serial claim {@code serial}: the merchant's sales-register serial from the ticket
 * @param amountMinor claim {@code amountMinor}
 * @param vatMinor claim {@code vatMinor}
 * @param currency claim {@code currency}, ISO 4217 alphabetic
 * @param registerSerial claim {@code register}: the payment server's transaction register serial
 * @param path claim {@code path}
 * @param authorizationCode claim {@code authCode}: ISO 8583 DE 38, card payments only, else null
 * @param rrn claim {@code rrn}: ISO 8583 DE 37 retrieval reference number, card payments only, else null
 * @param issuedAt claim {@code iat}, whole seconds
 * @param expiresAt claim {@code exp}, whole seconds
 */
public record Voucher(String voucherId, String ticketId, String merchantId, String customerId, String orderId,
        String serial, long amountMinor, long vatMinor, String currency, long registerSerial, SettlementPath path,
        String authorizationCode, String rrn, Instant issuedAt, Instant expiresAt) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(60);
    /** DE 38 is 6 alphanumeric characters; some issuers send fewer. */
    private static final Pattern AUTHORIZATION_CODE = Pattern.compile("[A-Za-z0-9]{1,6}");
    /** DE 37 is 12 alphanumeric characters. */
    private static final Pattern RRN_FORMAT = Pattern.compile("[A-Za-z0-9]{12}");

    public Voucher {
        ClaimRules.requireId(ClaimNames.VOUCHER_ID, voucherId);
        ClaimRules.requireId(ClaimNames.TICKET_ID_REFERENCE, ticketId);
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        ClaimRules.requireId(ClaimNames.CUSTOMER_ID, customerId);
        ClaimRules.requireId(ClaimNames.ORDER_ID, orderId);
        ClaimRules.requireId(ClaimNames.SERIAL, serial);
        ClaimRules.requireAmountMinor(ClaimNames.AMOUNT_MINOR, amountMinor);
        ClaimRules.requireAmountMinor(ClaimNames.VAT_MINOR, vatMinor);
        if (vatMinor > amountMinor) {
            throw new IllegalArgumentException(ClaimNames.VAT_MINOR + ": " + vatMinor + " exceeds "
                    + ClaimNames.AMOUNT_MINOR + " " + amountMinor);
        }
        ClaimRules.requireCurrency(ClaimNames.CURRENCY, currency);
        if (registerSerial < 1 || registerSerial > ClaimRules.JSON_INTEGER_MAX) {
            throw new IllegalArgumentException(ClaimNames.REGISTER + ": " + registerSerial + " is outside 1.."
                    + ClaimRules.JSON_INTEGER_MAX);
        }
        ClaimRules.requirePresent(ClaimNames.SETTLEMENT_PATH, path);
        if ((path == SettlementPath.AUTH_ONLY) != (amountMinor == 0)) {
            throw new IllegalArgumentException(ClaimNames.SETTLEMENT_PATH + ": " + path.code()
                    + " does not fit amountMinor " + amountMinor + " (auth-only is exactly the zero amount)");
        }
        requireCardReferences(path, authorizationCode, rrn);
        issuedAt = ClaimRules.toWholeSeconds(ClaimNames.ISSUED_AT, issuedAt);
        expiresAt = ClaimRules.toWholeSeconds(ClaimNames.EXPIRES_AT, expiresAt);
        ClaimRules.requireExpiresAfterIssued(issuedAt, expiresAt);
    }

    /** Gateway side: starts a voucher that copies the ticket's ids, amounts and serial. */
    public static Builder forTicket(Ticket ticket) {
        return new Builder(ticket);
    }

    public JWTClaimsSet toClaims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim(ClaimNames.VOUCHER_ID, voucherId)
                .claim(ClaimNames.TICKET_ID_REFERENCE, ticketId)
                .claim(ClaimNames.MERCHANT_ID, merchantId)
                .claim(ClaimNames.CUSTOMER_ID, customerId)
                .claim(ClaimNames.ORDER_ID, orderId)
                .claim(ClaimNames.SERIAL, serial)
                .claim(ClaimNames.AMOUNT_MINOR, amountMinor)
                .claim(ClaimNames.VAT_MINOR, vatMinor)
                .claim(ClaimNames.CURRENCY, currency)
                .claim(ClaimNames.REGISTER, registerSerial)
                .claim(ClaimNames.SETTLEMENT_PATH, path.code());
        if (path == SettlementPath.CARD) {
            claims.claim(ClaimNames.AUTHORIZATION_CODE, authorizationCode)
                    .claim(ClaimNames.RRN, rrn);
        }
        return claims
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    public static Voucher fromClaims(JWTClaimsSet claims) throws InvalidClaimsException {
        return ClaimsReader.read(claims, read -> new Voucher(
                read.requiredString(ClaimNames.VOUCHER_ID),
                read.requiredString(ClaimNames.TICKET_ID_REFERENCE),
                read.requiredString(ClaimNames.MERCHANT_ID),
                read.requiredString(ClaimNames.CUSTOMER_ID),
                read.requiredString(ClaimNames.ORDER_ID),
                read.requiredString(ClaimNames.SERIAL),
                read.requiredLong(ClaimNames.AMOUNT_MINOR),
                read.requiredLong(ClaimNames.VAT_MINOR),
                read.requiredString(ClaimNames.CURRENCY),
                read.requiredLong(ClaimNames.REGISTER),
                SettlementPath.fromCode(read.requiredString(ClaimNames.SETTLEMENT_PATH)),
                read.optionalString(ClaimNames.AUTHORIZATION_CODE).orElse(null),
                read.optionalString(ClaimNames.RRN).orElse(null),
                read.requiredInstant(ClaimNames.ISSUED_AT),
                read.requiredInstant(ClaimNames.EXPIRES_AT)));
    }

    private static void requireCardReferences(SettlementPath path, String authorizationCode, String rrn) {
        if (path != SettlementPath.CARD) {
            if (authorizationCode != null || rrn != null) {
                throw new IllegalArgumentException(ClaimNames.AUTHORIZATION_CODE + ", " + ClaimNames.RRN
                        + ": only a card payment carries them, this one is " + path.code());
            }
            return;
        }
        if (authorizationCode == null || !AUTHORIZATION_CODE.matcher(authorizationCode).matches()) {
            throw new IllegalArgumentException(ClaimNames.AUTHORIZATION_CODE
                    + ": a card payment needs 1 to 6 letters or digits (ISO 8583 DE 38)");
        }
        if (rrn == null || !RRN_FORMAT.matcher(rrn).matches()) {
            throw new IllegalArgumentException(ClaimNames.RRN
                    + ": a card payment needs 12 letters or digits (ISO 8583 DE 37)");
        }
    }

    /** Gateway-side builder over a verified ticket. Not thread-safe. */
    public static final class Builder extends IssuedTokenBuilder<Builder> {

        private final Ticket ticket;
        private String voucherId;
        private String customerId;
        private long registerSerial;
        private SettlementPath path;
        private String authorizationCode;
        private String rrn;

        private Builder(Ticket ticket) {
            super(DEFAULT_VALIDITY);
            this.ticket = Objects.requireNonNull(ticket, "ticket");
            this.customerId = ticket.customerId();
        }

        /** Defaults to a random 128-bit id. */
        public Builder voucherId(String voucherId) {
            this.voucherId = voucherId;
            return this;
        }

        /** The authenticated customer; required when the ticket named none. */
        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder registerSerial(long registerSerial) {
            this.registerSerial = registerSerial;
            return this;
        }

        public Builder wallet() {
            return path(SettlementPath.WALLET, null, null);
        }

        public Builder card(String authorizationCode, String rrn) {
            return path(SettlementPath.CARD, authorizationCode, rrn);
        }

        public Builder authenticationOnly() {
            return path(SettlementPath.AUTH_ONLY, null, null);
        }

        public Voucher build() {
            Instant issued = issued();
            return new Voucher(voucherId != null ? voucherId : Ids.random(), ticket.ticketId(), ticket.merchantId(),
                    customerId, ticket.orderId(), ticket.serial(), ticket.amountMinor(), ticket.vatMinor(),
                    ticket.currency(), registerSerial, path, authorizationCode, rrn, issued, expiresAt(issued));
        }

        private Builder path(SettlementPath path, String authorizationCode, String rrn) {
            this.path = path;
            this.authorizationCode = authorizationCode;
            this.rrn = rrn;
            return this;
        }
    }
}
