package dev.paygate.gateway.customer;

import dev.paygate.gateway.auth.AuthenticationResult;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.gateway.voucher.VoucherStore;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's account pages: sign in with the same id and password as on the payment page, then see the
 * wallet, the history, the vouchers, and top the wallet up from the enrolled card. Every figure comes from
 * the back office through {@link AccountDesk}. Spring Security checks every form's CSRF token, keeps the
 * signed-in customer (the {@link Principal}) and signs out ({@code POST /account/logout}).
 */
@Controller
record CustomerAccountController(CustomerCredentials credentials, AccountDesk desk, VoucherStore vouchers,
        CustomerSignIn signIn, MerchantKeys merchantKeys) {

    /** History rows shown on the page. */
    static final int HISTORY_ROWS = 50;
    private static final int FORM_KEY_LENGTH_MAX = 64;
    /** The back office's answer to a form key sent again with another amount (the first top-up stands). */
    private static final String IDEMPOTENCY_CONFLICT = "idempotency_conflict";

    @GetMapping("/account")
    String account(Principal customer, HttpServletResponse response, Model model,
                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (customer == null) {
            return "customer/login";
        }
        String customerId = customer.getName();
        Locale locale = MoneyFormat.localeOf(acceptLanguage);
        try {
            AccountAnswer.CustomerOverview overview = desk.customerOverview(customerId, HISTORY_ROWS);
            model.addAttribute("page", AccountPageView.of(overview, vouchers.listForCustomer(customerId),
                    merchantNames(), HISTORY_ROWS, locale));
        } catch (AccountDeskException unanswered) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
        }
        // A fresh key per rendered form: submitting the same form twice tops up once.
        model.addAttribute("topUpKey", UUID.randomUUID().toString());
        return "customer/account";
    }

    @PostMapping("/account/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model,
                 @RequestParam(defaultValue = "") String customerId,
                 @RequestParam(defaultValue = "") String password) {
        char[] secret = password.toCharArray();
        AuthenticationResult result;
        try {
            result = customerId.isBlank() ? AuthenticationResult.FAILED : credentials.authenticate(customerId, secret);
        } finally {
            CustomerCredentials.wipe(secret);
        }
        if (result == AuthenticationResult.AUTHENTICATED) {
            signIn.signIn(customerId, request, response);
            return "redirect:/account";
        }
        // A lock and a throttled source read like a wrong password, so the page tells a guesser nothing.
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("customerId", customerId);
        model.addAttribute("error", "The customer id or the password is not correct. After too many attempts,"
                + " wait a few minutes, or contact customer support if it goes on.");
        return "customer/login";
    }

    @PostMapping("/account/top-up")
    String topUp(Principal customer, RedirectAttributes flash,
                 @RequestParam(defaultValue = "") String amount,
                 @RequestParam(defaultValue = "") String topUpKey,
                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        String customerId = customer.getName();
        if (topUpKey.isBlank() || topUpKey.length() > FORM_KEY_LENGTH_MAX) {
            flash.addFlashAttribute("topUpError", "The form expired; please enter the amount again.");
            return "redirect:/account";
        }
        try {
            AccountAnswer.CustomerOverview account = desk.customerOverview(customerId, 1);
            String currency = account.currency();
            String card = account.cardLastFour() == null ? "your card"
                    : "your " + AccountPageView.cardName(account.cardLastFour());
            Optional<Long> amountMinor = TopUpAmount.minorUnits(amount, currency);
            if (amountMinor.isEmpty()) {
                flash.addFlashAttribute("topUpError", "Enter a positive amount in " + currency + ", e.g. 25.00.");
                return "redirect:/account";
            }
            // The key names the customer: keys are unique across all wallets, so one customer's form key can
            // never replay another's top-up.
            AccountAnswer.TopUp topUp = desk.topUpWallet(customerId, amountMinor.get(),
                    "customer:" + customerId + ":" + topUpKey);
            String formatted = MoneyFormat.format(topUp.amountMinor(), topUp.currency(), MoneyFormat.localeOf(acceptLanguage));
            if (topUp.approved()) {
                flash.addFlashAttribute("topUpDone", formatted + " added to your wallet from " + card + ".");
            } else if (IDEMPOTENCY_CONFLICT.equals(topUp.reason())) {
                flash.addFlashAttribute("topUpError", "This form was already used for a top-up of another amount;"
                        + " nothing more was added. Enter the amount again on this page.");
            } else {
                flash.addFlashAttribute("topUpError", "The top-up of " + formatted + " was refused ("
                        + topUp.reason() + "). Nothing was added.");
            }
        } catch (AccountDeskException unanswered) {
            flash.addFlashAttribute("topUpError", "We could not reach the back office in time; "
                    + "the top-up may still complete. Refresh this page in a minute before trying again.");
        }
        return "redirect:/account";
    }

    /** A voucher copy: the stored compact JWS, byte for byte, for the customer who paid. */
    @GetMapping("/account/vouchers/{voucherId}")
    String voucher(@PathVariable String voucherId, Principal customer, HttpServletResponse response, Model model) {
        String customerId = customer.getName();
        Optional<StoredVoucher> voucher = vouchers.find(voucherId)
                .filter(found -> customerId.equals(found.customerId()));
        if (voucher.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("missing", true);
        } else {
            model.addAttribute("voucher", voucher.get());
            model.addAttribute("merchantName", merchantNames().apply(voucher.get().merchantId()));
        }
        return "customer/voucher";
    }

    /** Merchants by their registered name, each looked up once per page; the id when none is known. */
    private Function<String, String> merchantNames() {
        Map<String, String> names = new HashMap<>();
        return merchantId -> names.computeIfAbsent(merchantId,
                id -> merchantKeys.merchantName(id).orElse(id));
    }
}
