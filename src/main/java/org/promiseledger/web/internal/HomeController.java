package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;


import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the first page after it: a person's own scorecard, HR's runs, an analyst's metrics. */
@Controller
@ConditionalOnWebApplication
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user) {
        Viewer viewer = user.viewer();
        if (viewer.isAny(AppRole.HR, AppRole.AUDITOR)) {
            return "redirect:/runs";
        }
        if (viewer.isLinked() || viewer.role() == AppRole.EMPLOYEE) {
            return "redirect:/scorecard"; // an employee login not linked yet is told so there, not refused at /metrics
        }
        return viewer.role() == AppRole.EXECUTIVE ? "redirect:/cx" : "redirect:/metrics";
    }
}
