package org.promiseledger.api.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.promiseledger.integrity.Decision;
import org.promiseledger.integrity.Finding;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.Review;
import org.promiseledger.integrity.ReviewedSignal;
import org.promiseledger.integrity.Signal;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Score integrity through the API: the signals of a period's latest run with where each review stands, and the review
 * itself. Everything a review decides (four eyes against the launcher, a reason, only a calculated run, only a signal
 * the run has) is {@link IntegrityReviews}', the same service as the Integrity page and `integrity review`.
 */
@RestController
@RequestMapping("/api/v1/integrity")
@ConditionalOnWebApplication
@Tag(name = "integrity", description = "Score-integrity signals of a period and their reviews (four eyes)")
class IntegrityApi {

    record ReviewJson(long id, long runId, String touchpointId, String signal, String decision, String reason,
            String reviewedBy, Instant reviewedAt) {

        static ReviewJson of(Review r) {
            return new ReviewJson(r.id(), r.runId(), r.touchpointId(), r.signal().name(), r.decision().name(), r.reason(),
                    r.reviewedBy(), r.reviewedAt());
        }
    }

    record SignalJson(String touchpointId, String departmentId, String signal, BigDecimal statistic, BigDecimal pValue,
            long sampleSize, long hits, Long referenceSize, Long referenceHits, String referencePeriod, String detail,
            String status, boolean open, ReviewJson review) {
    }

    /** The run's signals; {@code open} counts those still awaiting a review (approval waits for none to be open). */
    record IntegrityJson(String period, long runId, String runState, String launchedBy, boolean reviewable, int open,
            List<SignalJson> signals, List<String> exclusionsApplied, List<ReviewJson> reviews) {
    }

    record ReviewRequest(String period, String touchpoint, String signal, String decision, String reason) {
    }

    private final RunRegistry registry;
    private final IntegrityReviews reviews;

    IntegrityApi(RunRegistry registry, IntegrityReviews reviews) {
        this.registry = registry;
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "The integrity signals of the period's latest run, each with its review status (OPEN, CLEARED,"
            + " EXCLUDED), the exclusions the run applies and every review of the period")
    IntegrityJson integrity(@RequestParam String period) {
        Period p = Period.parse(period);
        QuarterlyRunRecord run = registry.latest(p).orElseThrow(() -> ApiProblem.notFound("there is no run of " + p));
        List<ReviewedSignal> signals = reviews.reviewedSignalsOf(run);
        return new IntegrityJson(p.toString(), run.runId(), run.state().name(), run.launchedBy(),
                run.state() == RunState.CALCULATED, (int) signals.stream().filter(ReviewedSignal::open).count(),
                signals.stream().map(IntegrityApi::json).toList(),
                reviews.exclusionsOf(run).stream().map(Review::touchpointId).toList(),
                reviews.reviewsOf(p.toString()).stream().map(ReviewJson::of).toList());
    }

    @PostMapping("/reviews")
    @Operation(summary = "Mark a signal of the period's latest calculated run CLEARED (the surveys stand) or EXCLUDED (the"
            + " next run leaves the touchpoint's surveys out), with a reason; not by the login that launched the run")
    ResponseEntity<LedgerApi.Done> review(@AuthenticationPrincipal ApiCaller caller, @RequestBody ReviewRequest request) {
        if (request == null || request.period() == null || request.touchpoint() == null || request.signal() == null
                || request.decision() == null) {
            throw ApiProblem.badRequest("give period, touchpoint, signal, decision and reason, e.g. {\"period\": \"2026-Q3\","
                    + " \"touchpoint\": \"T06\", \"signal\": \"TOP_BOX_SURGE\", \"decision\": \"CLEARED\", \"reason\": \"...\"}");
        }
        Period period = Period.parse(request.period());
        Signal signal = parse(Signal.class, "signal", request.signal());
        Decision decision = parse(Decision.class, "decision", request.decision());
        ActionOutcome outcome = reviews.review(period, request.touchpoint().trim(), signal, decision, request.reason(),
                caller.username());
        if (outcome.exitCode() != 0) {
            throw ApiProblem.conflict("Review refused", List.of(outcome.message()));
        }
        return ResponseEntity.created(URI.create("/api/v1/integrity?period=" + period))
                .body(new LedgerApi.Done(outcome.message()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field + " '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static SignalJson json(ReviewedSignal reviewed) {
        Finding f = reviewed.finding();
        return new SignalJson(f.touchpointId(), f.departmentId(), f.signal().name(), f.statistic(), f.pValue(), f.sampleSize(),
                f.hits(), f.referenceSize(), f.referenceHits(), f.referencePeriod(), f.detail(), reviewed.status(),
                reviewed.open(), reviewed.review() == null ? null : ReviewJson.of(reviewed.review()));
    }
}
