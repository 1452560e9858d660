package dev.paygate.gateway.operator;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operator console: one server-rendered page, no JavaScript. Its buttons post forms and come back to the
 * page with a notice (post/redirect/get), so a reload never repeats an action. Notices are fixed sentences
 * chosen by a code, so a crafted link cannot make the console say something else.
 */
@Controller
@AllInOne
@RequestMapping("/operator")
class OperatorConsoleController {

    static final int ALERTS_SHOWN_MAX = 50;

    private final OperatorOverview overview;
    private final OperatorActions actions;

    OperatorConsoleController(OperatorOverview overview, OperatorActions actions) {
        this.overview = overview;
        this.actions = actions;
    }

    @GetMapping
    String console(@RequestParam(required = false) String done, @RequestParam(required = false) String subject,
                   @CurrentOperator String operator, Model model) {
        model.addAttribute("operator", operator);
        model.addAttribute("notice", notice(done, subject));
        model.addAttribute("networks", overview.networks());
        model.addAttribute("pendingReversals", overview.pendingReversals());
        model.addAttribute("invariants", overview.invariants());
        model.addAttribute("alerts", overview.alerts(ALERTS_SHOWN_MAX));
        model.addAttribute("refusals", overview.recentRefusals());
        model.addAttribute("lateAnswers", overview.recentLateAnswers());
        return "operator/console";
    }

    @PostMapping("/customers/{customerId}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String customerId,
                                @CurrentOperator String operator) {
        try {
            actions.unlock(customerId, operator);
            return backToConsole("unlocked", customerId);
        } catch (OperatorRefusal refusal) {
            return backToConsole(refusal.reason(), customerId);
        }
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable long alertId,
                                     @CurrentOperator String operator) {
        try {
            actions.acknowledge(alertId, operator);
            return backToConsole("acknowledged", Long.toString(alertId));
        } catch (OperatorRefusal refusal) {
            return backToConsole(refusal.reason(), Long.toString(alertId));
        }
    }

    private static String notice(String done, String subject) {
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

    /** 303: the browser fetches the console with GET, whatever the method that led here. */
    static ResponseEntity<Void> backToConsole(String done, String subject) {
        URI console = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/operator")
                .queryParam("done", done)
                .queryParam("subject", subject)
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(console).build();
    }
}
