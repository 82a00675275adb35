package org.promiseledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.promiseledger.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Chooses how a file's rows are staged: LOAD DATA LOCAL INFILE on MySQL/MariaDB when the server allows it
 * ({@code local_infile=ON}), batched INSERTs otherwise (H2, or a server that refuses local loads).
 */
@Component
class StagingWriters {

    private static final Logger LOG = LoggerFactory.getLogger(StagingWriters.class);

    private final StagingStore store;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private Boolean loadData;

    StagingWriters(StagingStore store, DataSource dataSource, JdbcTemplate jdbc) {
        this.store = store;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    StagingWriter open(long runId, InputFile file) {
        if (!loadData()) {
            return new BatchInsertWriter(store, runId, file);
        }
        HikariDataSource hikari = (HikariDataSource) dataSource;
        try {
            Path folder = Files.createTempDirectory("promise-ledger-load-");
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            properties.setProperty("user", hikari.getUsername() == null ? "" : hikari.getUsername());
            properties.setProperty("password", hikari.getPassword() == null ? "" : hikari.getPassword());
            // the server may ask for local files only inside this private folder, never elsewhere on the machine
            properties.setProperty("allowLoadLocalInfileInPath", folder.toString());
            Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            return new LoadDataWriter(connection, folder, runId, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a loading connection: " + e.getMessage(), e);
        }
    }

    private synchronized boolean loadData() {
        if (loadData == null) {
            loadData = dataSource instanceof HikariDataSource && Databases.isMySql(dataSource) && localInfileOn();
        }
        return loadData;
    }

    private boolean localInfileOn() {
        Integer on = jdbc.queryForObject("SELECT @@local_infile", Integer.class);
        if (on == null || on == 0) {
            LOG.warn("the server has local_infile=OFF: input rows are staged with batched INSERTs, several times slower"
                    + " (SET GLOBAL local_infile = 1 lets Promise Ledger use LOAD DATA LOCAL INFILE)");
            return false;
        }
        return true;
    }
}
