package dev.paygate.gateway.operator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page. Spring Security takes the form's POST to the same path and signs out on
 * {@code POST /operator/logout} (see {@link OperatorConfiguration}); this only shows the form and what happened.
 */
@Controller
@AllInOne
class OperatorLoginController {

    static final String LOGIN_PATH = "/operator/login";
    static final String LOGOUT_PATH = "/operator/logout";

    @GetMapping(LOGIN_PATH)
    String login(@RequestParam(required = false) String failed, @RequestParam(required = false) String throttled,
                 @RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("signedOut", signedOut != null);
        return "operator/login";
    }
}
