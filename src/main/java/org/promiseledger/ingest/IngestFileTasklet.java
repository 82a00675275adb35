package org.promiseledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.promiseledger.runs.BatchSettings;
import org.promiseledger.runs.RunParameters;
import org.promiseledger.runs.StepProgress;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Ingests one input file: streams it, validates every record, stages accepted rows and lists rejects, one
 * transaction per chunk. A restarted step clears what the interrupted attempt left and reads the file again, which
 * keeps the duplicate-id check exact without persisting its state.
 */
final class IngestFileTasklet implements Tasklet, StepExecutionListener {

    private final InputFile file;
    private final StagingStore store;
    private final BatchSettings settings;
    private final StepProgress progress;

    private RunParameters run;
    private NumberedRecords records;
    private RowValidator validator;
    private StepProgress.Task bar;
    private List<RowOutcome.Accepted> pending = List.of();
    private final Set<String> outOfPeriodIds = new HashSet<>();
    private long read;
    private long accepted;
    private long rejected;
    private long outOfPeriod;

    IngestFileTasklet(InputFile file, StagingStore store, BatchSettings settings, StepProgress progress) {
        this.file = file;
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (records == null) {
            open(RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters()));
        }
        List<RowOutcome.Accepted> acceptedRows = new ArrayList<>();
        List<RowOutcome.Rejected> rejectedRows = new ArrayList<>();
        pending = acceptedRows;
        while (acceptedRows.size() + rejectedRows.size() < settings.chunkSize() && records.hasNext()) {
            NumberedRecords.Numbered next = records.next();
            RowOutcome outcome = validator.validate(next.record(), next.line());
            if (outcome instanceof RowOutcome.Accepted row) {
                acceptedRows.add(row);
            } else {
                RowOutcome.Rejected reject = (RowOutcome.Rejected) outcome;
                rejectedRows.add(reject);
                if (reject.reason() == RejectReason.OUT_OF_PERIOD) {
                    outOfPeriod++;
                    if (file.uniqueKey().size() == 1) {
                        outOfPeriodIds.add(idOf(next));
                    }
                }
            }
            bar.stepTo(next.record().getCharacterPosition());
        }
        store.insertAccepted(run.runId(), file, acceptedRows);
        store.insertRejects(run.runId(), file, rejectedRows);
        read += acceptedRows.size() + rejectedRows.size();
        accepted += acceptedRows.size();
        rejected += rejectedRows.size();
        contribution.incrementReadCount();
        if (records.hasNext()) {
            return RepeatStatus.CONTINUABLE;
        }
        store.saveCounts(run.runId(), file, new FileCounts(file.fileName(), read, accepted, rejected, outOfPeriod));
        contribution.incrementWriteCount(accepted);
        return RepeatStatus.FINISHED;
    }

    private void open(RunParameters parameters) throws IOException {
        this.run = parameters;
        Path path = run.dataDir().resolve(file.fileName());
        store.clear(run.runId(), file);
        Map<InputFile, Set<String>> known = new EnumMap<>(InputFile.class);
        for (Column column : file.columns()) {
            InputFile target = column.references();
            if (target != null && !known.containsKey(target)) {
                known.put(target, target == file ? idsListedIn(path) : store.acceptedIds(run.runId(), target));
            }
        }
        this.records = new NumberedRecords(path);
        this.validator = new RowValidator(file, records.header(), known, run.period(), settings.zone(), this::claimedEarlier);
        this.bar = progress.start("Ingesting " + file.fileName(), Files.size(path), "chars");
    }

    /**
     * Whether an earlier row claimed the id: an accepted row (already stored, or in the chunk being built) or a row
     * that was rejected only for its period. Asked rarely: only when the compact fingerprint table suspects a repeat.
     */
    private boolean claimedEarlier(String id) {
        String idColumn = file.header().get(0);
        return outOfPeriodIds.contains(id)
                || pending.stream().anyMatch(row -> id.equals(row.values()[0]))
                || store.hasAccepted(run.runId(), file, idColumn, id);
    }

    private String idOf(NumberedRecords.Numbered row) {
        return row.record().get(records.header().indexOf(file.header().get(0))).trim();
    }

    /** A file that refers to itself (a manager, a parent department) may name a row further down. */
    private Set<String> idsListedIn(Path path) throws IOException {
        Set<String> ids = new HashSet<>();
        try (NumberedRecords own = new NumberedRecords(path)) {
            int idColumn = own.header().indexOf(file.header().get(0));
            own.forEachRemaining(n -> {
                if (idColumn < n.record().size()) {
                    ids.add(n.record().get(idColumn).trim());
                }
            });
        }
        return ids;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            if (bar != null) {
                bar.close();
            }
            if (records != null) {
                records.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stepExecution.getExitStatus();
    }
}
