package org.promiseledger.web.identity.internal;

import org.promiseledger.web.identity.AccountChangeRefused;
import org.promiseledger.web.identity.UserAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a one-time activation link opens: the owner chooses their password, and the link is used up. */
@Controller
@ConditionalOnWebApplication
class ActivationController {

    private final ActivationLinks links;
    private final UserAccounts accounts;

    ActivationController(ActivationLinks links, UserAccounts accounts) {
        this.links = links;
        this.accounts = accounts;
    }

    @GetMapping("/activate")
    String form(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        links.usableFor(token).ifPresentOrElse(u -> model.addAttribute("username", u),
                () -> model.addAttribute("refusal", new UserAccounts.ActivationLinkUnusable().getMessage()));
        return "activate";
    }

    @PostMapping("/activate")
    String activate(@RequestParam String token, @RequestParam String password, @RequestParam String confirm, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        links.usableFor(token).ifPresent(u -> model.addAttribute("username", u));
        if (!password.equals(confirm)) {
            model.addAttribute("refusal", "The two passwords differ: type the same one twice.");
            return "activate";
        }
        try {
            model.addAttribute("activated", accounts.activate(token, password));
        } catch (AccountChangeRefused e) {
            model.addAttribute("refusal", e.getMessage());
        }
        return "activate";
    }
}
