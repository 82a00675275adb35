package org.promiseledger.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** What the code needs to know about the configured database: only whether it is MySQL/MariaDB or not (H2). */
public final class Databases {

    private Databases() {
    }

    public static boolean isMySql(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return isMySql(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    public static boolean isMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }
}
