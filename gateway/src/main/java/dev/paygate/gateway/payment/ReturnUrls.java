package dev.paygate.gateway.payment;

import dev.paygate.merchant.voucher.ReturnParameters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The merchant's URLs with the server's answer added, under the parameter names the merchant kit reads
 * ({@link ReturnParameters}); the merchant's own query parameters stay.
 */
final class ReturnUrls {

    private ReturnUrls() {
    }

    static URI withVoucher(URI returnUrl, String compactVoucher) {
        return withQuery(returnUrl, ReturnParameters.VOUCHER, compactVoucher);
    }

    static URI withRefusal(URI cancelUrl, String compactRefusal) {
        return withQuery(cancelUrl, ReturnParameters.REFUSAL, compactRefusal);
    }

    private static URI withQuery(URI base, String name, String value) {
        return UriComponentsBuilder.fromUri(base)
                .queryParam(name, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
                .build(true)
                .toUri();
    }
}
