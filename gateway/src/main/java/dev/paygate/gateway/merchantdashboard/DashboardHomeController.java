package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.ClientAddress;
import dev.paygate.gateway.auth.LoginThrottle;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.security.SessionSignIn;
import dev.paygate.gateway.webhook.WebhookSettings;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's home: the sign-in with an API key (key id and secret, as the merchant API takes them), then an
 * overview of the till, the latest payments and where webhooks go. Failed sign-ins from one address are slowed
 * down like every other login here.
 */
@Controller
class DashboardHomeController {

    static final int RECENT_PAYMENTS = 10;
    private static final Logger log = LoggerFactory.getLogger(DashboardHomeController.class);
    private static final String NOT_CORRECT = "The API key id or secret is not correct, or the key was revoked."
            + " After too many attempts, wait a few minutes.";

    private final MerchantApiKeys apiKeys;
    private final SessionSignIn signIn;
    private final LoginThrottle throttle;
    private final AccountDesk desk;
    private final WebhookSettings webhookSettings;

    DashboardHomeController(MerchantApiKeys apiKeys, SessionSignIn signIn, AuthenticationProperties authentication,
                            Clock clock, AccountDesk desk, WebhookSettings webhookSettings) {
        this.apiKeys = apiKeys;
        this.signIn = signIn;
        this.throttle = new LoginThrottle(authentication.throttle(), clock);
        this.desk = desk;
        this.webhookSettings = webhookSettings;
    }

    @GetMapping(MerchantDashboardSecurity.HOME)
    String home(@AuthenticationPrincipal SignedInMerchant merchant, Model model,
                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (merchant == null) {
            return "merchant/login";
        }
        DashboardFormat format = DashboardFormat.of(acceptLanguage);
        AccountAnswer.MerchantTill till = desk.merchantTill(merchant.merchantId());
        AccountAnswer.MerchantTransactions recent = desk.merchantTransactions(merchant.merchantId(), 0,
                RECENT_PAYMENTS, null);
        model.addAttribute("till", TillView.of(till, format));
        model.addAttribute("payments", recent.entries().stream().map(entry -> PaymentRow.of(entry, format)).toList());
        model.addAttribute("notifyUrl", webhookSettings.find(merchant.merchantId())
                .map(endpoint -> endpoint.notifyUrl().toString()).orElse(null));
        return "merchant/overview";
    }

    @PostMapping(MerchantDashboardSecurity.LOGIN)
    String login(HttpServletRequest request, HttpServletResponse response, Model model,
                 @RequestParam(defaultValue = "") String keyId, @RequestParam(defaultValue = "") String secret) {
        String source = ClientAddress.of(request);
        char[] typed = secret.strip().toCharArray();
        try {
            Optional<String> merchantId = throttle.waitFor(source).isPresent() || keyId.isBlank()
                    ? Optional.empty() : apiKeys.authenticate(keyId.strip(), typed);
            if (merchantId.isPresent()) {
                throttle.recordSuccess(source);
                signIn.signIn(new SignedInMerchant(merchantId.get(), keyId.strip()), MerchantDashboardSecurity.ROLE,
                        request, response);
                log.info("Merchant {} signed in to the dashboard with API key {}", merchantId.get(), keyId.strip());
                return "redirect:" + MerchantDashboardSecurity.HOME;
            }
        } finally {
            Arrays.fill(typed, '\0');
        }
        throttle.recordFailure(source);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("keyId", keyId);
        model.addAttribute("error", NOT_CORRECT);
        return "merchant/login";
    }
}
