package org.promiseledger.web.identity.internal;

import org.promiseledger.web.SignedInUser;
import org.promiseledger.web.identity.PayViews;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The view log: the auditors browse all of it; everyone sees who looked at their own pay. */
@Controller
@ConditionalOnWebApplication
class PayViewsController {

    private final PayViews views;

    PayViewsController(PayViews views) {
        this.views = views;
    }

    @GetMapping("/views")
    String all(@RequestParam(required = false) String viewer, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String period, Model model) {
        PayViews.Filter filter = new PayViews.Filter(viewer, subject, period);
        model.addAttribute("filter", filter);
        model.addAttribute("views", views.find(filter));
        model.addAttribute("page", PayViews.PAGE);
        return "views";
    }

    @GetMapping("/my-views")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("linked", user.employeeId() != null);
        model.addAttribute("views", user.employeeId() == null ? java.util.List.of() : views.of(user.employeeId()));
        return "my-views";
    }
}
