package org.promiseledger.partition;

import javax.sql.DataSource;

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

    ScoringWorker(ApplicationContext context, PartitioningSettings settings, ConnectionFactory broker, DataSource dataSource) {
        this.context = context;
        this.settings = settings;
        this.broker = broker;
        this.dataSource = dataSource;
    }

    public void start() {
        broker.createConnection().close(); // an unreachable broker is reported now, not on the first request
        // the listener is a component of an integration flow, registered by name once the context is up
        context.getBean(RemotePartitioningConfiguration.LISTENER, Lifecycle.class).start();
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
