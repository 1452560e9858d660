package dev.paygate.gateway.security;

import dev.paygate.gateway.api.ErrorPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The page a refused form gets: no valid CSRF token, because it expired or another site posted it. */
@Controller
class ForbiddenPage {

    @RequestMapping(WebSecurityConfiguration.FORBIDDEN_PATH)
    ModelAndView forbidden() {
        return ErrorPages.page(HttpStatus.FORBIDDEN, "This form has expired or was not sent from our page, so nothing"
                + " was done. Please go back to the shop (or reload the page) and start again.");
    }
}
