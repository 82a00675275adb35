package org.promiseledger.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.promiseledger.kernel.LoadData;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Chooses how a file's rows are staged: LOAD DATA LOCAL INFILE on MySQL/MariaDB when the server allows it
 * ({@link LoadData#available()}), batched INSERTs otherwise (H2, or a server that refuses local loads).
 */
@Component
class StagingWriters {

    private final StagingStore store;
    private final DataSource dataSource;
    private final LoadData loadData;

    StagingWriters(StagingStore store, DataSource dataSource, LoadData loadData) {
        this.store = store;
        this.dataSource = dataSource;
        this.loadData = loadData;
    }

    StagingWriter open(long runId, InputFile file) {
        if (!loadData.available()) {
            return new BatchInsertWriter(store, runId, file);
        }
        // a connection outside the pool: it loads while the step's own connection stays in its transaction
        HikariDataSource hikari = (HikariDataSource) dataSource;
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        properties.setProperty("user", hikari.getUsername() == null ? "" : hikari.getUsername());
        properties.setProperty("password", hikari.getPassword() == null ? "" : hikari.getPassword());
        try {
            Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            return new LoadDataWriter(connection, runId, file);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a loading connection: " + e.getMessage(), e);
        }
    }
}
