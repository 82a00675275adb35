package org.promiseledger.runs.partition;

import javax.sql.DataSource;

import org.promiseledger.runs.partition.internal.PartitioningSettings;
import org.promiseledger.runs.partition.internal.RemotePartitioningConfiguration;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.stereotype.Component;

/** The {@code worker} command's listener: started only there, so no other command consumes partition requests. */
@Component
public class ScoringWorker {

    private final ApplicationContext context;
    private final PartitioningSettings settings;
    private final ConnectionFactory broker;
    private final DataSource dataSource;

    private final org.promiseledger.rules.RuleSetCompiler compiler;
    private final org.promiseledger.kernel.BatchSettings batchSettings;

    ScoringWorker(ApplicationContext context, PartitioningSettings settings, ConnectionFactory broker, DataSource dataSource,
            org.promiseledger.rules.RuleSetCompiler compiler, org.promiseledger.kernel.BatchSettings batchSettings) {
        this.context = context;
        this.compiler = compiler;
        this.batchSettings = batchSettings;
        this.settings = settings;
        this.broker = broker;
        this.dataSource = dataSource;
    }

    public void start() {
        broker.createConnection().close(); // an unreachable broker is reported now, not on the first request
        warmUp();
        // the listener is a component of an integration flow, registered by name once the context is up
        context.getBean(RemotePartitioningConfiguration.LISTENER, Lifecycle.class).start();
    }

    /**
     * Compiles the rules folder this worker would fall back to, so the first range of a run with the same rules does not
     * wait for the compiler (the compiler keeps the last rule set); rules that do not compile are reported when a run
     * needs them, not here.
     */
    private void warmUp() {
        java.nio.file.Path rules = batchSettings.rulesPath();
        if (java.nio.file.Files.isDirectory(rules)) {
            try {
                compiler.compile(rules);
            } catch (RuntimeException notYet) {
                System.out.println("worker: the rules in " + rules.toAbsolutePath() + " do not compile; runs that use them will fail");
            }
        }
    }

    public String describe() {
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            database = "(unreachable: " + e.getMessage() + ")";
        }
        return "queue " + settings.partitionQueue() + " on " + broker.getHost() + ":" + broker.getPort() + ", database " + database;
    }
}
