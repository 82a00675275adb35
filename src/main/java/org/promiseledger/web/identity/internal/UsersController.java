package org.promiseledger.web.identity.internal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;
import org.promiseledger.web.identity.AccountChangeRefused;
import org.promiseledger.web.identity.EmployeeLogins;
import org.promiseledger.web.identity.UserAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's Users page: the local logins, and every change to them (each audited by {@link UserAccounts}). A link made
 * here (new login, password reset) is shown once, on the page after the change; bulk links come as a CSV download.
 */
@Controller
@ConditionalOnWebApplication
class UsersController {

    private final UserAccounts accounts;
    private final EmployeeLogins employeeLogins;
    private final SecuritySettings settings;

    UsersController(UserAccounts accounts, EmployeeLogins employeeLogins, SecuritySettings settings) {
        this.accounts = accounts;
        this.employeeLogins = employeeLogins;
        this.settings = settings;
    }

    /** A company has thousands of logins: the page lists the first ones, and finds the others by name or employee. */
    static final int PAGE = 200;

    @GetMapping("/users")
    String users(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("me", user.getUsername());
        List<UserAccounts.Account> found = accounts.search(q, PAGE + 1);
        model.addAttribute("accounts", found.size() > PAGE ? found.subList(0, PAGE) : found);
        model.addAttribute("more", found.size() > PAGE);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("page", PAGE);
        model.addAttribute("roles", AppRole.values());
        model.addAttribute("local", settings.login() == LoginMode.LOCAL);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "users";
    }

    @PostMapping("/users/create")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, @RequestParam AppRole role,
            @RequestParam(required = false) String employeeId, RedirectAttributes flash) {
        return change(flash, () -> {
            ActivationLinks.Issued link = accounts.invite(user.getUsername(), username.trim(), role, employeeId);
            flash.addFlashAttribute("issued", link);
            return "Login " + link.username() + " created. Send its owner the one-time link below to choose a password.";
        });
    }

    @PostMapping("/users/disable")
    String disable(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, RedirectAttributes flash) {
        return change(flash, () -> {
            accounts.disable(user.getUsername(), username);
            return username + " is disabled: it can no longer sign in.";
        });
    }

    @PostMapping("/users/enable")
    String enable(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, RedirectAttributes flash) {
        return change(flash, () -> {
            accounts.enable(user.getUsername(), username);
            return username + " is enabled again.";
        });
    }

    @PostMapping("/users/role")
    String role(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, @RequestParam AppRole role,
            RedirectAttributes flash) {
        return change(flash, () -> {
            accounts.changeRole(user.getUsername(), username, role);
            return username + " now has the role " + role + ".";
        });
    }

    @PostMapping("/users/link")
    String link(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, @RequestParam String employeeId,
            RedirectAttributes flash) {
        return change(flash, () -> {
            accounts.link(user.getUsername(), username, employeeId);
            return username + " is linked to employee " + employeeId.trim() + ".";
        });
    }

    @PostMapping("/users/unlink")
    String unlink(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, RedirectAttributes flash) {
        return change(flash, () -> {
            accounts.unlink(user.getUsername(), username);
            return username + " is no longer linked to an employee.";
        });
    }

    @PostMapping("/users/reset")
    String reset(@AuthenticationPrincipal SignedInUser user, @RequestParam String username, RedirectAttributes flash) {
        return change(flash, () -> {
            flash.addFlashAttribute("issued", accounts.resetPassword(user.getUsername(), username));
            return "The password of " + username + " no longer works. Send its owner the one-time link below.";
        });
    }

    /** The links exist in clear only now, so they come straight back as the CSV HR sends from. */
    @PostMapping("/users/import")
    Object importEmployees(@AuthenticationPrincipal SignedInUser user, @RequestParam String period, RedirectAttributes flash) {
        Period chosen;
        EmployeeLogins.Import result;
        try {
            chosen = Period.parse(period.trim());
            result = employeeLogins.createFor(user.getUsername(), chosen);
        } catch (IllegalArgumentException | AccountChangeRefused e) {
            flash.addFlashAttribute("refusal", e.getMessage());
            return "redirect:/users";
        }
        StringWriter csv = new StringWriter();
        result.writeCsv(csv);
        String file = "activation-links-" + chosen + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(csv.toString());
    }

    private interface Change {
        String apply();
    }

    private static String change(RedirectAttributes flash, Change change) {
        try {
            flash.addFlashAttribute("message", change.apply());
        } catch (AccountChangeRefused e) {
            flash.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/users";
    }
}
