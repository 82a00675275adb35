package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.ledger.LedgerVerifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditors' view: every hash chain recomputed from its first row, and who did what. Read-only: unlike
 * `audit verify` on the command line, looking writes nothing to the audit log.
 */
@Controller
@ConditionalOnWebApplication
class AuditController {

    private final LedgerVerifier verifier;
    private final AuditLog audit;

    AuditController(LedgerVerifier verifier, AuditLog audit) {
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("viewer", user.viewer());
        model.addAttribute("checks", verifier.verify());
        List<AuditLog.Entry> newestFirst = new ArrayList<>(audit.entries(null));
        Collections.reverse(newestFirst);
        model.addAttribute("entries", newestFirst);
        return "audit";
    }
}
