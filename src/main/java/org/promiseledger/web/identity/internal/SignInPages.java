package org.promiseledger.web.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What the sign-in page needs to know (form or single sign-on), and the page of a person the company gave no role. */
@Controller
@ControllerAdvice
@ConditionalOnWebApplication
class SignInPages {

    private final SecuritySettings settings;

    SignInPages(SecuritySettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("loginMode")
    String loginMode() {
        return settings.login().name();
    }

    @ModelAttribute("throttleMinutes")
    long throttleMinutes() {
        return LoginThrottle.WAIT.toMinutes();
    }

    /** 403: the person is who they say, but has no business here until someone maps one of their groups to a role. */
    @GetMapping("/no-access")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noAccess(Model model) {
        return "no-access";
    }
}
