package dev.paygate.gateway.merchantdashboard;

import com.nimbusds.jose.jwk.JWK;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import java.text.ParseException;
import java.util.Arrays;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant's keys: ticket-signing public keys (add one, retire one; the last active one stays) and API keys
 * (issue one, shown once; revoke one; the last active one stays). A session signed in with a key revoked here ends.
 */
@Controller
record KeyPagesController(MerchantKeys signingKeys, MerchantApiKeys apiKeys) {

    /** A pasted JWK is a few hundred characters; a much longer text is not one. */
    private static final int JWK_LENGTH_MAX = 4_000;
    private static final String PAGE = "redirect:/merchant/keys";
    private static final Logger log = LoggerFactory.getLogger(KeyPagesController.class);

    /** @param usedNow the API key this session signed in with */
    record ApiKeyRow(String keyId, String createdAt, boolean active, boolean usedNow) {
    }

    record SigningKeyRow(String kid, String createdAt, boolean active, String publicJwk) {
    }

    @GetMapping("/merchant/keys")
    String keys(@AuthenticationPrincipal SignedInMerchant merchant, Model model) {
        model.addAttribute("signingKeys", signingKeys.list(merchant.merchantId()).stream()
                .map(key -> new SigningKeyRow(key.kid(), DashboardFormat.time(key.createdAt()), key.active(),
                        key.publicKey().toJSONString()))
                .toList());
        model.addAttribute("apiKeys", apiKeys.list(merchant.merchantId()).stream()
                .map(key -> new ApiKeyRow(key.keyId(), DashboardFormat.time(key.createdAt()), key.active(),
                        key.keyId().equals(merchant.apiKeyId())))
                .toList());
        return "merchant/keys";
    }

    @PostMapping("/merchant/keys/signing")
    String addSigningKey(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash,
                         @RequestParam(defaultValue = "") String publicJwk) {
        JWK key;
        try {
            if (publicJwk.isBlank() || publicJwk.length() > JWK_LENGTH_MAX) {
                throw new ParseException("no JWK", 0);
            }
            key = JWK.parse(publicJwk.strip());
        } catch (ParseException notJwk) {
            // The parser's message may quote the text, which might be a private key pasted by mistake.
            flash.addFlashAttribute("keyError", "That is not a JWK. Paste the public key file"
                    + " (merchant-key.public.jwk.json from bin/paygate-merchant new-key).");
            return PAGE;
        }
        if (key.isPrivate()) {
            flash.addFlashAttribute("keyError", "That is a private key: it was not stored. Paste the public key only,"
                    + " and keep the private one on your server.");
            return PAGE;
        }
        try {
            signingKeys.add(merchant.merchantId(), key);
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("keyError", "Not added: " + refused.getMessage() + ".");
            return PAGE;
        }
        log.info("Merchant {} added signing key {} from the dashboard", merchant.merchantId(), key.getKeyID());
        flash.addFlashAttribute("keyDone", "Signing key " + key.getKeyID() + " added: tickets signed with it are"
                + " accepted from now on.");
        return PAGE;
    }

    @PostMapping("/merchant/keys/signing/retire")
    String retireSigningKey(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash,
                            @RequestParam(defaultValue = "") String kid) {
        return endKey(merchant, flash, signingKeys::retire, "signing key", kid, "retired", "tickets signed with it");
    }

    @PostMapping("/merchant/keys/api")
    String issueApiKey(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash) {
        MerchantApiKeys.IssuedApiKey issued = apiKeys.issue(merchant.merchantId());
        log.info("Merchant {} issued API key {} from the dashboard", merchant.merchantId(), issued.keyId());
        // Shown on the next page only (a flash attribute), never stored: only its digest is kept.
        flash.addFlashAttribute("issuedKeyId", issued.keyId());
        flash.addFlashAttribute("issuedSecret", new String(issued.secret()));
        Arrays.fill(issued.secret(), '\0');
        return PAGE;
    }

    @PostMapping("/merchant/keys/api/revoke")
    String revokeApiKey(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash,
                        @RequestParam(defaultValue = "") String keyId) {
        return endKey(merchant, flash, apiKeys::revoke, "API key", keyId, "revoked", "calls and sign-ins with it");
    }

    /**
     * Retires a signing key or revokes an API key: {@code end} answers false when the merchant has no such active
     * key, and throws {@link IllegalStateException} for the last active one, which stays.
     *
     * @param kind       "signing key" or "API key", as the messages name it
     * @param ended      "retired" or "revoked"
     * @param refusedNow what is refused from now on
     */
    private static String endKey(SignedInMerchant merchant, RedirectAttributes flash, BiPredicate<String, String> end,
                                 String kind, String id, String ended, String refusedNow) {
        try {
            if (end.test(merchant.merchantId(), id)) {
                log.info("Merchant {} {} {} {} from the dashboard", merchant.merchantId(), ended, kind, id);
                flash.addFlashAttribute("keyDone", StringUtils.capitalize(kind) + " " + id + " " + ended + ": "
                        + refusedNow + " are refused from now on.");
            } else {
                flash.addFlashAttribute("keyError", "You have no active " + kind + " " + id + ".");
            }
        } catch (IllegalStateException lastKey) {
            flash.addFlashAttribute("keyError", "Not " + ended + ": " + lastKey.getMessage() + ".");
        }
        return PAGE;
    }
}
