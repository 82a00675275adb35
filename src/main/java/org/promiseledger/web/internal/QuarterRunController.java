package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.promiseledger.ingest.RejectReason;
import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.operate.RunLaunches;
import org.promiseledger.operate.Upload;
import org.promiseledger.operate.UploadRefusedException;
import org.promiseledger.operate.Uploads;
import org.promiseledger.period.Period;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.InputCheck;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunProgress;
import org.promiseledger.runs.RunRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * HR runs a quarter in the browser: upload the eleven files, check them dry (what would be rejected, whether the run
 * would be refused), launch — in the background, through the same QuarterlyRunner as {@code run} — and watch the
 * steps; restart a failed run; browse its rejects.
 */
@Controller
@ConditionalOnWebApplication
class QuarterRunController {

    private static final int REJECTS_PER_PAGE = 100;

    private final Uploads uploads;
    private final InputCheck check;
    private final RunLaunches launches;
    private final RunProgress progress;
    private final RunRegistry registry;
    private final StagedInputs staged;
    private final BatchSettings settings;

    QuarterRunController(Uploads uploads, InputCheck check, RunLaunches launches, RunProgress progress, RunRegistry registry,
            StagedInputs staged, BatchSettings settings) {
        this.uploads = uploads;
        this.check = check;
        this.launches = launches;
        this.progress = progress;
        this.registry = registry;
        this.staged = staged;
        this.settings = settings;
    }

    @GetMapping("/runs/new")
    String newRun(Model model) {
        model.addAttribute("limit", limitText());
        return "run-new";
    }

    @PostMapping("/runs/uploads")
    String upload(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String period,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, HttpServletResponse response) {
        Period chosen;
        try {
            chosen = Period.parse(period);
        } catch (IllegalArgumentException e) {
            return refuseUpload(model, response, period, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank()).toList();
        try {
            Upload upload = uploads.store(given.stream().map(f -> Uploads.Part.of(f.getOriginalFilename(), f::getInputStream)).toList(), user.getUsername());
            return "redirect:/runs/uploads/" + upload.uploadId() + "?period=" + chosen;
        } catch (UploadRefusedException e) {
            return refuseUpload(model, response, period, e.getMessage(), e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/runs/uploads/{uploadId}")
    String uploaded(@PathVariable String uploadId, @RequestParam String period, Model model) throws IOException {
        Upload upload = upload(uploadId);
        model.addAttribute("upload", upload);
        model.addAttribute("period", Period.parse(period).toString());
        model.addAttribute("files", files(upload.dataDir()));
        return "run-upload";
    }

    @PostMapping("/runs/uploads/{uploadId}/check")
    String check(@PathVariable String uploadId, @RequestParam String period, Model model) throws IOException {
        Upload upload = upload(uploadId);
        Period chosen = parse(period);
        InputCheck.Report report = check.check(chosen, upload.dataDir(), settings.rulesPath());
        model.addAttribute("upload", upload);
        model.addAttribute("period", chosen.toString());
        model.addAttribute("files", files(upload.dataDir()));
        model.addAttribute("report", report);
        return "run-upload";
    }

    @PostMapping("/runs/uploads/{uploadId}/launch")
    String launch(@AuthenticationPrincipal SignedInUser user, @PathVariable String uploadId, @RequestParam String period,
            RedirectAttributes redirect) {
        Upload upload = upload(uploadId);
        Period chosen = parse(period);
        RunLaunches.Launch launch = launches.launch(chosen, upload.dataDir(), settings.rulesPath(), user.getUsername());
        if (!launch.started()) {
            redirect.addFlashAttribute("refusal", "Run refused: " + String.join("; ", launch.refusal()));
            return "redirect:/runs/uploads/" + uploadId + "?period=" + chosen;
        }
        return "redirect:/runs/" + launch.runId() + "/progress";
    }

    @GetMapping("/runs/{runId}/progress")
    String progress(@PathVariable long runId, Model model) {
        model.addAttribute("progress", progress.of(runId).orElseThrow(() -> new NotFoundException("There is no run " + runId + ".")));
        return "run-progress";
    }

    /** What the progress page's script polls. */
    @GetMapping("/runs/{runId}/progress.json")
    @ResponseBody
    RunProgress.View progressJson(@PathVariable long runId) {
        return progress.of(runId).orElseThrow(() -> new NotFoundException("There is no run " + runId + "."));
    }

    @PostMapping("/runs/{runId}/restart")
    String restart(@AuthenticationPrincipal SignedInUser user, @PathVariable long runId, RedirectAttributes redirect) {
        RunLaunches.Launch launch = launches.restart(runId, user.getUsername());
        if (!launch.started()) {
            redirect.addFlashAttribute("refusal", "Restart refused: " + String.join("; ", launch.refusal()));
            return "redirect:/runs/" + runId + "/progress";
        }
        redirect.addFlashAttribute("message", launch.runId() == runId ? "Run " + runId + " restarted where it stopped."
                : "Run " + runId + " was closed (its inputs or rules changed); run " + launch.runId() + " started.");
        return "redirect:/runs/" + launch.runId() + "/progress";
    }

    @GetMapping("/runs/{runId}/rejects")
    String rejects(@PathVariable long runId, @RequestParam(required = false) String file,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page, Model model) {
        QuarterlyRunRecord run = registry.find(runId).orElseThrow(() -> new NotFoundException("There is no run " + runId + "."));
        String fileFilter = blankToNull(file);
        String reasonFilter = blankToNull(reason);
        if (reasonFilter != null && Stream.of(RejectReason.values()).noneMatch(r -> r.name().equals(reasonFilter))) {
            throw new BadRequestException("No reject reason called " + reasonFilter + ".");
        }
        long total = staged.countRejects(runId, fileFilter, reasonFilter);
        int lastPage = (int) Math.max(0, (total - 1) / REJECTS_PER_PAGE);
        int shown = Math.max(0, Math.min(page, lastPage));
        model.addAttribute("run", run);
        model.addAttribute("rejects", staged.rejects(runId, fileFilter, reasonFilter, (long) shown * REJECTS_PER_PAGE, REJECTS_PER_PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", shown);
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("file", fileFilter);
        model.addAttribute("reason", reasonFilter);
        model.addAttribute("fileNames", Uploads.fileNames());
        model.addAttribute("reasons", Stream.of(RejectReason.values()).map(Enum::name).toList());
        return "run-rejects";
    }

    private String refuseUpload(Model model, HttpServletResponse response, String period, String message, HttpStatus status) {
        response.setStatus(status.value());
        model.addAttribute("limit", limitText());
        model.addAttribute("period", period);
        model.addAttribute("refusal", message);
        return "run-new";
    }

    private String limitText() {
        long mb = uploads.limitBytes() / (1024 * 1024);
        return mb > 0 ? mb + " MB" : uploads.limitBytes() + " bytes";
    }

    private Upload upload(String uploadId) {
        return uploads.find(uploadId).orElseThrow(() -> new NotFoundException("There is no upload " + uploadId + "."));
    }

    private static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The files kept with the upload, with their sizes. */
    record KeptFile(String name, long bytes) {
    }

    private static List<KeptFile> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(f -> new KeptFile(f.getFileName().toString(), f.toFile().length())).toList();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
