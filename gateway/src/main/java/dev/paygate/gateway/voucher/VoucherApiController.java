package dev.paygate.gateway.voucher;

import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.gateway.api.ApiErrors;
import dev.paygate.gateway.api.PublicApi;
import dev.paygate.gateway.auth.BasicCredentials;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Voucher copies (docs/architecture.md step 7). Merchants authenticate with HTTP Basic, API key id and secret, and see
 * only their own vouchers: another merchant's voucher is "not found", exactly like one that does not exist.
 * Customers authenticate with HTTP Basic, customer id and password, and list their own.
 */
@PublicApi
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vouchers")
record VoucherApiController(VoucherStore vouchers, MerchantApiKeys merchantApiKeys,
        CustomerCredentials customerCredentials) {

    private static final String CUSTOMER_REALM = "Basic realm=\"paygate-customer\", charset=\"UTF-8\"";

    @GetMapping("/vouchers/{voucherId}")
    ResponseEntity<?> voucher(@PathVariable String voucherId,
                              HttpServletRequest request) {
        return merchantApiKeys.answerAs(request, merchantId -> vouchers.find(voucherId)
                .filter(voucher -> voucher.merchantId().equals(merchantId))
                .<ResponseEntity<?>>map(voucher -> ApiAnswers.ok(VoucherView.of(voucher)))
                .orElseGet(() -> ApiErrors.error(HttpStatus.NOT_FOUND, "voucher_not_found", "No voucher " + voucherId + " for this merchant.")));
    }

    @GetMapping("/merchants/me/vouchers")
    ResponseEntity<?> merchantVouchers(HttpServletRequest request) {
        return merchantApiKeys.answerAs(request, merchantId -> ApiAnswers.ok(views(vouchers.listForMerchant(merchantId))));
    }

    @GetMapping("/customers/me/vouchers")
    ResponseEntity<?> customerVouchers(HttpServletRequest request) {
        Optional<UsernamePasswordAuthenticationToken> credentials = BasicCredentials.of(request);
        if (credentials.isEmpty()) {
            return ApiErrors.unauthorized(CUSTOMER_REALM, "Give your customer id and password with HTTP Basic.");
        }
        String customerId = credentials.get().getName();
        char[] password = String.valueOf(credentials.get().getCredentials()).toCharArray();
        try {
            return switch (customerCredentials.authenticate(customerId, password)) {
                case AUTHENTICATED -> ApiAnswers.ok(views(vouchers.listForCustomer(customerId)));
                case THROTTLED -> ApiErrors.error(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                        "Too many failed logins from this address; try again in a few minutes.");
                case FAILED -> ApiErrors.unauthorized(CUSTOMER_REALM, "The customer id or the password is not correct.");
            };
        } finally {
            CustomerCredentials.wipe(password);
        }
    }

    private static List<VoucherView> views(List<StoredVoucher> stored) {
        return stored.stream().map(VoucherView::of).toList();
    }
}
