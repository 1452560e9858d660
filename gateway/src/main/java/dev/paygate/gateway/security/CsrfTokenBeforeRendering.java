package dev.paygate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Loads the session's CSRF token before a page renders. Spring Security makes it on first use, which for a form
 * far down a long page (a large basket) comes after the response is committed: too late to set the session cookie.
 */
@ControllerAdvice
class CsrfTokenBeforeRendering {

    @ModelAttribute
    void loadCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
