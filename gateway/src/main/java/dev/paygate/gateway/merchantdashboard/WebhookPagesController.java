package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.webhook.EventPage;
import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.gateway.webhook.WebhookSettings;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where the merchant's webhooks go, a test event to try it, and every event with its delivery attempts, each
 * delivered or given-up one with a "resend".
 */
@Controller
record WebhookPagesController(WebhookSettings settings, WebhookOutbox outbox) {

    static final int PAGE_SIZE = 20;
    private static final String PAGE = "redirect:/merchant/webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookPagesController.class);

    @GetMapping("/merchant/webhooks")
    String webhooks(@AuthenticationPrincipal SignedInMerchant merchant, Model model,
                    @RequestParam(defaultValue = "0") int page) {
        int shownPage = Math.clamp(page, 0, Integer.MAX_VALUE / PAGE_SIZE);
        EventPage events = outbox.page(merchant.merchantId(), shownPage, PAGE_SIZE);
        model.addAttribute("notifyUrl", settings.find(merchant.merchantId())
                .map(endpoint -> endpoint.notifyUrl().toString()).orElse(null));
        model.addAttribute("events", EventRow.of(events.events(), outbox.attempts(events.events())));
        model.addAttribute("total", events.totalEvents());
        model.addAttribute("previousPage", shownPage > 0 ? shownPage - 1 : null);
        model.addAttribute("nextPage", (long) (shownPage + 1) * PAGE_SIZE < events.totalEvents() ? shownPage + 1 : null);
        return "merchant/webhooks";
    }

    /** A blank secret keeps the one set before, so the URL can move without handing the secret around again. */
    @PostMapping("/merchant/webhooks/endpoint")
    String endpoint(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash,
                    @RequestParam(defaultValue = "") String notifyUrl, @RequestParam(defaultValue = "") String secret) {
        String merchantId = merchant.merchantId();
        Optional<String> kept = secret.isEmpty()
                ? settings.find(merchantId).map(WebhookSettings.Endpoint::secret) : Optional.of(secret);
        if (kept.isEmpty()) {
            flash.addFlashAttribute("webhookError", "Give a secret of 16 to 200 bytes: the events are signed with it.");
            return PAGE;
        }
        try {
            settings.configure(merchantId, URI.create(notifyUrl.strip()), kept.get());
        } catch (IllegalArgumentException invalid) {
            flash.addFlashAttribute("webhookError", "Not changed: " + invalid.getMessage() + ".");
            return PAGE;
        }
        log.info("Merchant {} set its webhook endpoint to {} from the dashboard", merchantId, notifyUrl.strip());
        flash.addFlashAttribute("webhookDone", "Webhooks now go to " + notifyUrl.strip() + ".");
        return PAGE;
    }

    @PostMapping("/merchant/webhooks/test")
    String test(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash) {
        Optional<UUID> event = outbox.recordTest(merchant.merchantId());
        if (event.isPresent()) {
            flash.addFlashAttribute("webhookDone", "A test event (" + event.get() + ") is on its way; reload to see"
                    + " its delivery.");
        } else {
            flash.addFlashAttribute("webhookError", "Set a notify URL first.");
        }
        return PAGE;
    }

    @PostMapping("/merchant/webhooks/resend")
    String resend(@AuthenticationPrincipal SignedInMerchant merchant, RedirectAttributes flash,
                  @RequestParam(defaultValue = "") String eventId, @RequestParam(defaultValue = "") String back) {
        boolean resent;
        try {
            resent = outbox.resend(merchant.merchantId(), UUID.fromString(eventId));
        } catch (IllegalArgumentException notAnEventId) {
            resent = false;
        }
        if (resent) {
            flash.addFlashAttribute("webhookDone", "Event " + eventId + " will be sent again now.");
        } else {
            flash.addFlashAttribute("webhookError", "Event " + eventId + " cannot be sent again: it is still pending,"
                    + " it is not yours, or no notify URL is set.");
        }
        // Only a payment's page of this dashboard, never a URL from outside.
        return back.matches("/merchant/payments/[A-Za-z0-9._~-]{1,64}") ? "redirect:" + back : PAGE;
    }
}
