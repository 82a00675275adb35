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

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.RunParameters;
import org.promiseledger.kernel.StepProgress;
import org.promiseledger.period.Period;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ingests one input file: streams it, validates every record, stages accepted rows and lists rejects, chunk by
 * chunk. Rows whose id may repeat an earlier one are held to the end of the file and settled there (see
 * {@link HeldSuspects}). A restarted step clears what the interrupted attempt left and reads the file again, which
 * keeps the duplicate-id check exact without persisting its state.
 * <p>
 * Step-scoped: every step execution gets a fresh instance, so no reader or counter outlives the execution it belongs
 * to, and the file it reads follows from the step's name ({@link IngestSteps#stepName}).
 */
@Component
@StepScope
class IngestFileTasklet implements Tasklet, StepExecutionListener {

    private final InputFile file;
    private final RunParameters run;
    private final StagingStore store;
    private final StagingWriters writers;
    private final BatchSettings settings;
    private final StepProgress progress;
    private final StagedTallies tallies;

    private NumberedRecords records;
    /** The events file's per-touchpoint counts, made from the accepted rows as they pass (null for other files). */
    private InputTally tally;
    private RowValidator validator;
    private StepProgress.Task bar;
    private StagingWriter writer;
    private final HeldSuspects suspects = new HeldSuspects();
    private final Set<String> outOfPeriodIds = new HashSet<>();
    private long read;
    private long accepted;
    private long rejected;
    private long outOfPeriod;

    IngestFileTasklet(@Value("#{stepExecution.stepName}") String stepName,
            @Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{jobParameters['" + RunParameters.PERIOD + "']}") String period,
            @Value("#{jobParameters['" + RunParameters.DATA_DIR + "']}") String dataDir,
            @Value("#{jobParameters['" + RunParameters.RULES_DIR + "']}") String rulesDir,
            StagingStore store, StagingWriters writers, BatchSettings settings, StepProgress progress, StagedTallies tallies) {
        this.file = IngestSteps.fileOf(stepName);
        this.run = new RunParameters(runId, Period.parse(period), Path.of(dataDir), Path.of(rulesDir));
        this.store = store;
        this.writers = writers;
        this.settings = settings;
        this.progress = progress;
        this.tallies = tallies;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (records == null) {
            open();
        }
        List<RowOutcome.Accepted> acceptedRows = new ArrayList<>();
        List<RowOutcome.Rejected> rejectedRows = new ArrayList<>();
        for (int rows = 0; rows < settings.chunkSize() && records.hasNext(); rows++) {
            NumberedRecords.Numbered next = records.next();
            read++;
            // per row, so the job repository's read count is the live "rows read" a watcher sees after each chunk
            contribution.incrementReadCount();
            RowOutcome outcome = validator.validate(next.record(), next.line());
            if (outcome instanceof RowOutcome.Accepted row) {
                acceptedRows.add(row);
            } else if (outcome instanceof RowOutcome.Suspect suspect) {
                suspects.hold(suspect);
            } else {
                RowOutcome.Rejected reject = (RowOutcome.Rejected) outcome;
                rejectedRows.add(reject);
                if (reject.reason() == RejectReason.OUT_OF_PERIOD && file.uniqueKey().size() == 1) {
                    outOfPeriodIds.add(idOf(next));
                }
            }
            bar.stepTo(next.record().getCharacterPosition());
        }
        stage(acceptedRows, rejectedRows);
        if (records.hasNext()) {
            return RepeatStatus.CONTINUABLE;
        }
        writer.finish();
        settleSuspects();
        store.saveCounts(run.runId(), file, new FileCounts(file.fileName(), read, accepted, rejected, outOfPeriod));
        if (tally != null) {
            tallies.save(run.runId(), file, tally);
        }
        contribution.incrementWriteCount(accepted);
        return RepeatStatus.FINISHED;
    }

    private void stage(List<RowOutcome.Accepted> acceptedRows, List<RowOutcome.Rejected> rejectedRows) {
        writer.write(acceptedRows);
        store.insertRejects(run.runId(), file, rejectedRows);
        count(acceptedRows, rejectedRows);
    }

    private void count(List<RowOutcome.Accepted> acceptedRows, List<RowOutcome.Rejected> rejectedRows) {
        accepted += acceptedRows.size();
        if (tally != null) {
            acceptedRows.forEach(row -> tally.add(row.values()));
        }
        rejected += rejectedRows.size();
        outOfPeriod += rejectedRows.stream().filter(r -> r.reason() == RejectReason.OUT_OF_PERIOD).count();
    }

    /** Every row is staged by now, so the ids the suspects might repeat are looked up once, in one pass. */
    private void settleSuspects() {
        if (suspects.isEmpty()) {
            return;
        }
        Set<String> ids = suspects.ids();
        Set<String> claimed = store.stagedAmong(run.runId(), file, ids);
        outOfPeriodIds.stream().filter(ids::contains).forEach(claimed::add);
        List<RowOutcome.Accepted> acceptedRows = new ArrayList<>();
        List<RowOutcome.Rejected> rejectedRows = new ArrayList<>();
        for (RowOutcome outcome : suspects.settle(validator, claimed)) {
            if (outcome instanceof RowOutcome.Accepted row) {
                acceptedRows.add(row);
            } else {
                rejectedRows.add((RowOutcome.Rejected) outcome);
            }
        }
        // settled rows are few (repeated ids): batched INSERTs in the step's transaction are plenty
        store.insertAccepted(run.runId(), file, acceptedRows);
        store.insertRejects(run.runId(), file, rejectedRows);
        count(acceptedRows, rejectedRows);
    }

    private void open() throws IOException {
        Path path = run.dataDir().resolve(file.fileName());
        store.clearRejects(run.runId(), file);
        this.tally = InputTally.of(file, run.period(), settings.zone()).orElse(null);
        this.writer = writers.open(run.runId(), file);
        Map<InputFile, Set<String>> known = new EnumMap<>(InputFile.class);
        Map<InputFile, ListedIds> listed = new EnumMap<>(InputFile.class);
        for (Column column : file.columns()) {
            InputFile target = column.references();
            if (target == file && !known.containsKey(target)) {
                listed.put(target, idsListedIn(target, path));
                known.put(target, listed.get(target).inQuarter());
            } else if (target != null && !known.containsKey(target)) {
                known.put(target, store.acceptedIds(run.runId(), target));
            }
        }
        this.records = new NumberedRecords(path);
        // another file's listing is read only to explain a reference that failed, so only when one does
        this.validator = new RowValidator(file, records.header(), known, target -> listed.computeIfAbsent(target,
                t -> idsListedIn(t, run.dataDir().resolve(t.fileName()))), run.period(), settings.zone());
        this.bar = progress.start("Ingesting " + file.fileName(), Files.size(path), "chars");
    }

    private String idOf(NumberedRecords.Numbered row) {
        return row.record().get(records.header().indexOf(file.header().get(0))).trim();
    }

    /**
     * Every id a referenced file lists, and those whose row may cover the quarter: a file that refers to itself (a
     * manager, a parent department) may name a row further down, and a reference that fails is told apart from an
     * id the file does not have at all.
     */
    private ListedIds idsListedIn(InputFile target, Path path) {
        Set<String> all = new HashSet<>();
        Set<String> inQuarter = new HashSet<>();
        try (NumberedRecords own = new NumberedRecords(path)) {
            int idColumn = own.header().indexOf(target.header().get(0));
            int fromColumn = own.header().indexOf("valid_from");
            int toColumn = own.header().indexOf("valid_to");
            own.forEachRemaining(n -> {
                if (idColumn >= 0 && idColumn < n.record().size()) {
                    String id = n.record().get(idColumn).trim();
                    all.add(id);
                    if (inQuarter(target, n, own.header().size(), fromColumn, toColumn)) {
                        inQuarter.add(id);
                    }
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new ListedIds(all, inQuarter);
    }

    /** A manager_id may name anyone with a segment in the quarter, not someone whose every row lies outside it. */
    private boolean inQuarter(InputFile target, NumberedRecords.Numbered row, int headerSize, int fromColumn, int toColumn) {
        if (target != InputFile.EMPLOYEES || row.record().size() != headerSize) {
            return true;
        }
        String from = fromColumn < 0 ? "" : row.record().get(fromColumn).trim();
        String to = toColumn < 0 ? "" : row.record().get(toColumn).trim();
        return EmploymentHistory.mayCover(from, to, run.period());
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
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stepExecution.getExitStatus();
    }
}
