package dev.paygate.gateway.voucher;

import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.jose.MalformedTokenException;
import dev.paygate.merchant.jose.SignedToken;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.voucher.Voucher;
import java.time.Instant;

/**
 * A voucher as the API returns it: its claims for reading, and {@code voucher}, the compact JWS exactly as
 * first issued, which verifies like the original (docs/front-unit.md).
 */
public record VoucherView(String vid, String tid, String mid, String cid, String oid, String serial,
                          long amountMinor, long vatMinor, String currency, long register, String path,
                          String authCode, String rrn, Instant issuedAt, Instant expiresAt, String voucher) {

    static VoucherView of(StoredVoucher stored) {
        Voucher voucher;
        try {
            voucher = Voucher.fromClaims(SignedToken.parse(stored.compact(), TokenType.VOUCHER).claims());
        } catch (MalformedTokenException | InvalidClaimsException corrupt) {
            throw new IllegalStateException("front.voucher " + stored.voucherId() + " no longer parses", corrupt);
        }
        return new VoucherView(voucher.voucherId(), voucher.ticketId(), voucher.merchantId(), voucher.customerId(),
                voucher.orderId(), voucher.serial(), voucher.amountMinor(), voucher.vatMinor(), voucher.currency(),
                voucher.registerSerial(), voucher.path().code(), voucher.authorizationCode(), voucher.rrn(),
                voucher.issuedAt(), voucher.expiresAt(), stored.compact());
    }
}
