package org.promiseledger.api.internal;

import org.promiseledger.api.ApiTokens;
import org.promiseledger.api.TokenScope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * HR's page for personal API tokens: create one for a login (its value is shown on the next page once, never
 * again), see every token with its uses, revoke one.
 */
@Controller
@ConditionalOnWebApplication
@Hidden
class TokensController {

    private static final int USES_SHOWN = 500;

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("scopes", TokenScope.values());
        return "tokens";
    }

    /** One token and its uses, newest first: what the auditors read to see what a machine did with it. */
    @GetMapping("/tokens/{id}")
    String token(@PathVariable long id, Model model) {
        ApiTokens.Token token = tokens.find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "There is no token " + id + "."));
        model.addAttribute("token", token);
        model.addAttribute("uses", tokens.uses(id, USES_SHOWN));
        model.addAttribute("shown", USES_SHOWN);
        return "token";
    }

    @PostMapping("/tokens")
    String create(Authentication who, @RequestParam String username, @RequestParam String scope,
            @RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
        try {
            ApiTokens.Created created = tokens.create(username.trim(), TokenScope.parse(scope), label, who.getName());
            // a flash attribute lives for the next request only: the value is on that one page, then gone
            redirect.addFlashAttribute("newToken", created.value());
            redirect.addFlashAttribute("message", "Token " + created.token().id() + " created for " + created.token().username()
                    + " (scope " + created.token().scope().word() + "). Copy it now: it is not shown again.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(Authentication who, @PathVariable long id, RedirectAttributes redirect) {
        boolean revoked = tokens.revoke(id, who.getName());
        redirect.addFlashAttribute(revoked ? "message" : "refusal",
                revoked ? "Token " + id + " revoked; it no longer signs anything in." : "Token " + id + " is unknown or already revoked.");
        return "redirect:/tokens";
    }
}
