package dev.paygate.gateway.operator;

import dev.paygate.routes.account.AccountDeskException;
import dev.paygate.routes.networkdesk.BackReport;
import dev.paygate.routes.networkdesk.NetworkDesk;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operator console's overview and alerts: server-rendered pages, no JavaScript. Buttons post forms and come
 * back with a notice (post/redirect/get), so a reload never repeats an action. Notices are fixed sentences chosen
 * by a code, so a crafted link cannot make the console say something else.
 */
@Controller
@AllInOne
@RequestMapping("/operator")
record OperatorConsoleController(OperatorOverview overview, OperatorActions actions, ConsolePayments payments) {

    static final int ALERTS_SHOWN_MAX = 50;
    static final int REFUSALS_SHOWN_MAX = 20;
    /** The notice after a form the console refused: its session had expired or another site posted it. */
    static final String FORM_EXPIRED = "form_expired";

    @ModelAttribute("operator")
    String operator(@CurrentOperator String operator) {
        return operator;
    }

    @GetMapping
    String console(@RequestParam(required = false) String done, @RequestParam(required = false) String subject,
                   Model model) {
        NetworkDesk.DeskAnswer networks = overview.networks();
        List<BackReport.LinkReport> links = networks.backs().stream()
                .flatMap(back -> back.networks().stream())
                .toList();
        List<AlertView> alerts = overview.alerts(ALERTS_SHOWN_MAX);
        model.addAttribute("notice", notice(done, subject));
        model.addAttribute("networks", networks);
        model.addAttribute("links", links.size());
        model.addAttribute("signedOnLinks", links.stream().filter(link -> "signed_on".equals(link.state())).count());
        model.addAttribute("pendingReversals", overview.pendingReversals());
        model.addAttribute("invariants", overview.invariants());
        model.addAttribute("newAlerts", alerts.stream().filter(alert -> !alert.acknowledged()).count());
        List<PaymentRowView> refusals;
        try {
            refusals = payments.search("", "REFUSED", REFUSALS_SHOWN_MAX);
        } catch (AccountDeskException unanswered) {
            refusals = List.of();
            model.addAttribute("backUnitAway", true);
        }
        model.addAttribute("refusals", refusals);
        model.addAttribute("lateAnswers", overview.recentLateAnswers());
        return "operator/console";
    }

    @GetMapping("/alerts")
    String alerts(@RequestParam(required = false) String done, @RequestParam(required = false) String subject,
                  Model model) {
        model.addAttribute("notice", notice(done, subject));
        model.addAttribute("alerts", overview.alerts(ALERTS_SHOWN_MAX));
        return "operator/alerts";
    }

    @PostMapping("/customers/{customerId}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String customerId, @CurrentOperator String operator) {
        try {
            actions.unlock(customerId, operator);
            return backToAlerts("unlocked", customerId);
        } catch (OperatorRefusal refusal) {
            return backToAlerts(refusal.reason(), customerId);
        }
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable long alertId, @CurrentOperator String operator) {
        try {
            actions.acknowledge(alertId, operator);
            return backToAlerts("acknowledged", Long.toString(alertId));
        } catch (OperatorRefusal refusal) {
            return backToAlerts(refusal.reason(), Long.toString(alertId));
        }
    }

    private static String notice(String done, String subject) {
        if (FORM_EXPIRED.equals(done)) {
            return "That form had expired or did not come from this console, so nothing was done. Please try again.";
        }
        if (done == null || subject == null || !subject.matches("[A-Za-z0-9._~-]{1,64}")) {
            return null;
        }
        return switch (done) {
            case "unlocked" -> "Customer " + subject + " is unlocked.";
            case "acknowledged" -> "Alert " + subject + " is acknowledged.";
            case "customer_not_found" -> "No customer " + subject + " to unlock.";
            case "alert_not_found" -> "No alert " + subject + ".";
            case "sign-on", "sign-off", "echo" -> "The " + done + " of " + subject
                    + " went to the back units; the card network panel shows each one's result.";
            case "network_not_found" -> "No back unit has a card network " + subject + ".";
            case "backs_unavailable" -> "No back unit answered: " + subject + " cannot be changed now.";
            default -> null;
        };
    }

    /** 303 to the console: the browser fetches it with GET, whatever the method that led here. */
    static ResponseEntity<Void> backToConsole(String done, String subject) {
        return seeOther("/operator", done, subject);
    }

    private static ResponseEntity<Void> backToAlerts(String done, String subject) {
        return seeOther("/operator/alerts", done, subject);
    }

    private static ResponseEntity<Void> seeOther(String path, String done, String subject) {
        URI page = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .queryParam("done", done)
                .queryParam("subject", subject)
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
    }
}
