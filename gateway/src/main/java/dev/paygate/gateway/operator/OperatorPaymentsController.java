package dev.paygate.gateway.operator;

import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.routes.account.AccountDeskException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's payment pages: search, one payment's dispute trail, the store-and-forward queue and the settlement
 * files. Every figure comes from the back unit through {@link ConsolePayments}; when it does not answer in time the
 * page says so (503) instead of showing an empty list that would read as "nothing there".
 */
@Controller
@AllInOne
@RequestMapping("/operator")
record OperatorPaymentsController(ConsolePayments payments) {

    static final int RESULTS_SHOWN_MAX = 100;
    private static final int TERM_LENGTH_MAX = 200;
    private static final List<String> STATUSES = Arrays.stream(RegisterStatus.values())
            .map(status -> status.name().toLowerCase(Locale.ROOT)).toList();

    @ModelAttribute("operator")
    String operator(@CurrentOperator String operator) {
        return operator;
    }

    /** A blank term lists the latest payments; {@code status} narrows to one register status. */
    @GetMapping("/payments")
    String search(@RequestParam(name = "q", defaultValue = "") String term,
                  @RequestParam(required = false) String status, Model model, HttpServletResponse response) {
        String query = term.strip();
        String chosenStatus = STATUSES.contains(status) ? status : null;
        model.addAttribute("query", query);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("statuses", STATUSES);
        if (query.length() > TERM_LENGTH_MAX) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "A search term has at most " + TERM_LENGTH_MAX + " characters.");
            return "operator/payments";
        }
        return fromBackUnit(model, response, "payments", () -> payments.search(query,
                chosenStatus == null ? null : chosenStatus.toUpperCase(Locale.ROOT), RESULTS_SHOWN_MAX),
                "operator/payments");
    }

    @GetMapping("/payments/{ticketId}")
    String trail(@PathVariable String ticketId, Model model, HttpServletResponse response) {
        try {
            String view = fromBackUnit(model, response, "trail", () -> payments.trail(ticketId), "operator/trail");
            if (model.containsAttribute("trail")) {
                fromBackUnit(model, response, "messages", () -> payments.messages(ticketId), view);
            }
            return view;
        } catch (AccountDeskException refused) {
            // Only "unknown_ticket" gets here: an unanswered question is handled above.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("unknownTicket", ticketId);
            return "operator/trail";
        }
    }

    @GetMapping("/reversals")
    String reversals(Model model, HttpServletResponse response) {
        return fromBackUnit(model, response, "reversals", payments::unsettledReversals, "operator/reversals");
    }

    @GetMapping("/settlement")
    String settlement(Model model, HttpServletResponse response) {
        return fromBackUnit(model, response, "runs", payments::sweepRuns, "operator/settlement");
    }

    /** Puts the back unit's answer in the model, or says that it did not come (503); other refusals go up. */
    private static String fromBackUnit(Model model, HttpServletResponse response, String attribute,
                                       Supplier<Object> question, String view) {
        try {
            model.addAttribute(attribute, question.get());
        } catch (AccountDeskException refused) {
            if (!AccountDeskException.UNAVAILABLE.equals(refused.reason())) {
                throw refused;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("backUnitAway", true);
        }
        return view;
    }
}
