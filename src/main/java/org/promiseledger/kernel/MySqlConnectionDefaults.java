package org.promiseledger.kernel;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On MySQL/MariaDB through Connector/J, the settings the ledger relies on are on whatever URL the operator gives:
 * batched inserts rewritten into multi-row statements, LOAD DATA LOCAL limited to one private folder (see
 * {@link LoadData}), and the session pinned to UTC (timestamps mean the same on every server). A setting written in the URL still wins.
 */
@Component
class MySqlConnectionDefaults implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:mysql:")) {
            hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
            hikari.addDataSourceProperty("connectionTimeZone", "UTC");
            hikari.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
            hikari.addDataSourceProperty("cachePrepStmts", "true");
            hikari.addDataSourceProperty("useServerPrepStmts", "false");
            // LOAD DATA LOCAL may read files from this process's private folder, and from nowhere else
            hikari.addDataSourceProperty("allowLoadLocalInfileInPath", LoadData.folder().toString());
        }
        return bean;
    }
}
