package dev.paygate.gateway.operator;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's card network buttons (fragment {@code operator/networks}): each posts a form and comes back to the
 * console (post/redirect/get) with a notice; the network panel shows each back unit's result as its last operator
 * action.
 */
@Controller
@AllInOne
@RequestMapping("/operator/networks")
record NetworkConsoleController(NetworkActions actions) {

    @PostMapping("/{network}/{action:sign-on|sign-off|echo}")
    ResponseEntity<Void> act(@PathVariable String network, @PathVariable String action,
                             @RequestParam(required = false) String back, @CurrentOperator String operator) {
        try {
            actions.act(action, network, back == null || back.isBlank() ? null : back, operator);
            return OperatorConsoleController.backToConsole(action, network);
        } catch (OperatorRefusal refusal) {
            return OperatorConsoleController.backToConsole(refusal.reason(), network);
        }
    }
}
