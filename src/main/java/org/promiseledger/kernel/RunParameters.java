package org.promiseledger.kernel;

import java.nio.file.Path;

import org.promiseledger.period.Period;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/**
 * What one execution of the quarterly job works on. Only the run id identifies the Spring Batch job instance:
 * relaunching the same run id restarts it where it stopped.
 */
public record RunParameters(long runId, Period period, Path dataDir, Path rulesDir) {

    public static final String RUN_ID = "runId";
    public static final String PERIOD = "period";
    public static final String DATA_DIR = "dataDir";
    public static final String RULES_DIR = "rulesDir";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLong(RUN_ID, runId, true)
                .addString(PERIOD, period.toString(), false)
                .addString(DATA_DIR, dataDir.toAbsolutePath().normalize().toString(), false)
                .addString(RULES_DIR, rulesDir.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    public static RunParameters from(JobParameters parameters) {
        return new RunParameters(parameters.getLong(RUN_ID), Period.parse(parameters.getString(PERIOD)),
                Path.of(parameters.getString(DATA_DIR)), Path.of(parameters.getString(RULES_DIR)));
    }
}
