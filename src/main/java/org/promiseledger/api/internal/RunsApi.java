package org.promiseledger.api.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.promiseledger.operate.RunLaunches;
import org.promiseledger.operate.Upload;
import org.promiseledger.operate.Uploads;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.InputCheck;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunProgress;
import org.promiseledger.runs.RunRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Runs through the API: upload a period's files, check them dry, launch (in the background, through the same
 * QuarterlyRunner as the command line's {@code run}), follow the progress, restart a failed run.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnWebApplication
@Tag(name = "runs", description = "Uploads, dry checks, launches, state and progress of quarterly runs")
class RunsApi {

    /** A run and its state history. */
    record RunJson(long runId, String period, String state, String launchedBy, Instant launchedAt, String ruleSetVersion,
            String inputFingerprint, String dataDir, Long supersedesRunId, List<RunRegistry.StateChange> history) {
    }

    record UploadJson(String uploadId, String uploadedBy, Instant uploadedAt, String inputFingerprint, long totalBytes) {
        static UploadJson of(Upload upload) {
            return new UploadJson(upload.uploadId(), upload.uploadedBy(), upload.uploadedAt(), upload.inputFingerprint(),
                    upload.totalBytes());
        }
    }

    /** What to launch: a period and the upload whose files it runs on. */
    record LaunchRequest(String period, String uploadId) {
    }

    record Launched(long runId, String progress) {
    }

    private final RunRegistry registry;
    private final RunProgress progress;
    private final Uploads uploads;
    private final InputCheck check;
    private final RunLaunches launches;
    private final BatchSettings settings;

    RunsApi(RunRegistry registry, RunProgress progress, Uploads uploads, InputCheck check, RunLaunches launches,
            BatchSettings settings) {
        this.registry = registry;
        this.progress = progress;
        this.uploads = uploads;
        this.check = check;
        this.launches = launches;
        this.settings = settings;
    }

    @GetMapping("/runs")
    @Operation(summary = "Every run, newest first; of one period with ?period=2026-Q3")
    List<RunJson> runs(@RequestParam(required = false) String period) {
        List<QuarterlyRunRecord> runs = period == null ? registry.all() : registry.runsOf(Period.parse(period));
        return runs.stream().map(this::json).toList();
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "A run's state and its state history")
    RunJson run(@PathVariable long runId) {
        return registry.find(runId).map(this::json).orElseThrow(() -> ApiProblem.notFound("there is no run " + runId));
    }

    @GetMapping("/runs/{runId}/progress")
    @Operation(summary = "A run's steps: status, rows read, rows per second, the current step and whether it has ended")
    RunProgress.View progress(@PathVariable long runId) {
        return progress.of(runId).orElseThrow(() -> ApiProblem.notFound("there is no run " + runId));
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a period's eleven CSV files (several 'files' parts, or one zip); kept and fingerprinted")
    ResponseEntity<UploadJson> upload(@AuthenticationPrincipal ApiCaller caller, @RequestPart("files") List<MultipartFile> files) {
        Upload upload = uploads.store(files.stream().map(f -> Uploads.Part.of(f.getOriginalFilename(), f::getInputStream)).toList(), caller.username());
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + upload.uploadId())).body(UploadJson.of(upload));
    }

    @PostMapping("/uploads/{uploadId}/check")
    @Operation(summary = "Dry-run the ingest and input check on an upload: the rows that would be rejected and whether"
            + " the run would be refused; nothing is booked")
    InputCheck.Report check(@PathVariable String uploadId, @RequestParam String period) {
        Upload upload = uploads.find(uploadId).orElseThrow(() -> ApiProblem.notFound("there is no upload " + uploadId));
        return check.check(Period.parse(period), upload.dataDir(), settings.rulesPath());
    }

    @PostMapping("/runs")
    @Operation(summary = "Launch the run of a period on an uploaded set of files; 202 with the run id to follow")
    ResponseEntity<Launched> launch(@AuthenticationPrincipal ApiCaller caller, @RequestBody LaunchRequest request) {
        if (request == null || request.period() == null || request.uploadId() == null) {
            throw ApiProblem.badRequest("give period (e.g. 2026-Q3) and uploadId (from POST /api/v1/uploads)");
        }
        Period period = Period.parse(request.period());
        Upload upload = uploads.find(request.uploadId())
                .orElseThrow(() -> ApiProblem.notFound("there is no upload " + request.uploadId()));
        return accepted(launches.launch(period, upload.dataDir(), settings.rulesPath(), caller.username()));
    }

    @PostMapping("/runs/{runId}/restart")
    @Operation(summary = "Restart a failed run (where it stopped when its inputs and rules are unchanged)")
    ResponseEntity<Launched> restart(@AuthenticationPrincipal ApiCaller caller, @PathVariable long runId) {
        if (registry.find(runId).isEmpty()) {
            throw ApiProblem.notFound("there is no run " + runId);
        }
        return accepted(launches.restart(runId, caller.username()));
    }

    private static ResponseEntity<Launched> accepted(RunLaunches.Launch launch) {
        if (!launch.started()) {
            throw ApiProblem.conflict("Run refused", launch.refusal());
        }
        String progressPath = "/api/v1/runs/" + launch.runId() + "/progress";
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/runs/" + launch.runId()))
                .body(new Launched(launch.runId(), progressPath));
    }

    private RunJson json(QuarterlyRunRecord r) {
        return new RunJson(r.runId(), r.period(), r.state().name(), r.launchedBy(), r.launchedAt(),
                RuleSetFolder.shortVersion(r.ruleSetVersion()), r.inputFingerprint(), r.dataDir(), r.supersedesRunId(),
                registry.history(r.runId()));
    }
}
