package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.routes.account.AccountDeskException;
import java.security.Principal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every dashboard page shares: the signed-in merchant's id and name for the header, and one answer when the
 * back office, which holds every figure, does not answer in time.
 */
@ControllerAdvice(basePackageClasses = DashboardPages.class)
class DashboardPages {

    private static final Logger log = LoggerFactory.getLogger(DashboardPages.class);

    private final MerchantKeys merchantKeys;

    DashboardPages(MerchantKeys merchantKeys) {
        this.merchantKeys = merchantKeys;
    }

    /** @param merchantName null when nobody is signed in (the sign-in page) */
    record Header(String merchantId, String merchantName) {
    }

    @ModelAttribute("header")
    Header header(Principal merchant) {
        if (merchant == null) {
            return new Header(null, null);
        }
        return new Header(merchant.getName(), merchantKeys.merchantName(merchant.getName()).orElse(merchant.getName()));
    }

    @ExceptionHandler(AccountDeskException.class)
    ModelAndView backOfficeSilent(AccountDeskException unanswered, Principal merchant) {
        log.warn("Merchant dashboard: the back office did not answer ({})", unanswered.reason());
        return new ModelAndView("merchant/unavailable", Map.of("header", header(merchant)),
                HttpStatus.SERVICE_UNAVAILABLE);
    }
}
