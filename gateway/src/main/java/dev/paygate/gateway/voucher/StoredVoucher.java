package dev.paygate.gateway.voucher;

import java.time.Instant;

/**
 * A voucher as issued and kept: the ids to find it by and the compact JWS exactly as signed.
 *
 * @param compact the signed voucher; a copy handed out later is these same bytes, so it verifies alike
 */
public record StoredVoucher(String voucherId, String ticketId, String merchantId, String customerId, String orderId,
                            String compact, Instant createdAt, Instant expiresAt) {
}
