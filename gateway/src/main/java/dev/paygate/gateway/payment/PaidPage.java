package dev.paygate.gateway.payment;

import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.jose.MalformedTokenException;
import dev.paygate.merchant.jose.SignedToken;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.voucher.Voucher;
import java.util.Locale;

/**
 * What paid.html shows of a paid ticket opened again: the voucher's facts for people and the signed voucher itself,
 * byte for byte as issued, so the page is the customer's copy.
 *
 * @param paidWith     "your Paygate wallet", or "your card (approval code A1B2C3)"
 * @param compact      the stored voucher as signed
 */
record PaidPage(String merchantName, String orderId, String amount, String paidWith, long registerSerial,
                String issuedAt, String compact) {

    static PaidPage of(PaymentOutcome.AlreadyPaid paid, Locale locale) {
        StoredVoucher stored = paid.voucher();
        Voucher voucher = storedVoucher(stored.compact());
        return new PaidPage(paid.merchantName(), voucher.orderId(),
                MoneyFormat.format(voucher.amountMinor(), voucher.currency(), locale), paidWith(voucher),
                voucher.registerSerial(), voucher.issuedAt().toString(), stored.compact());
    }

    private static String paidWith(Voucher voucher) {
        return switch (voucher.path()) {
            case WALLET -> "your Paygate wallet";
            case CARD -> "your card (approval code " + voucher.authorizationCode() + ")";
            case AUTH_ONLY -> "nothing: the shop only asked who you are";
        };
    }

    /** A voucher this server signed and stored; read back without a second signature check. */
    private static Voucher storedVoucher(String compact) {
        try {
            return Voucher.fromClaims(SignedToken.parse(compact, TokenType.VOUCHER).claims());
        } catch (MalformedTokenException | InvalidClaimsException corrupt) {
            throw new IllegalStateException("front.voucher holds a voucher that no longer parses", corrupt);
        }
    }
}
