package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.AdjustmentBooking;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adjustments and clawbacks in the browser: HR books one with a reason on an approved quarter (AdjustmentBooking,
 * the command line's {@code adjust}); HR and auditors see what was booked.
 */
@Controller
@ConditionalOnWebApplication
class AdjustmentsController {

    private final AdjustmentBooking booking;
    private final LedgerReads ledger;

    AdjustmentsController(AdjustmentBooking booking, LedgerReads ledger) {
        this.booking = booking;
        this.ledger = ledger;
    }

    @GetMapping("/adjustments")
    String adjustments(@RequestParam(required = false) String period, Model model) {
        String chosen = period == null || period.isBlank() ? null : parse(period).toString();
        model.addAttribute("period", chosen);
        model.addAttribute("adjustments", ledger.adjustments(chosen));
        return "adjustments";
    }

    @PostMapping("/adjustments")
    String book(@AuthenticationPrincipal SignedInUser user, @RequestParam String period, @RequestParam String employeeId,
            @RequestParam String amount, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Period chosen = parse(period);
        ActionOutcome outcome = booking.book(chosen, employeeId.trim(), amount, reason, user.getUsername());
        redirect.addFlashAttribute(outcome.exitCode() == 0 ? "message" : "refusal",
                outcome.message().replace("--amount", "The amount").replace("--reason", "A reason"));
        return "redirect:/adjustments?period=" + chosen;
    }

    private static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
