package io.quiver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the end-to-end tests share. */
final class SqlAssertions {
    private SqlAssertions() {
    }

    /** Runs {@code sql} and asserts it fails with {@code sqlState}; returns the error for further checks. */
    static SQLException assertFails(Connection connection, String sql, String sqlState) {
        SQLException error = catchThrowableOfType(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        assertThat((Throwable) error).as("error from: %s", sql).isNotNull();
        assertThat(error.getSQLState()).as("SQLSTATE of %s (%s)", sql, error.getMessage()).isEqualTo(sqlState);
        return error;
    }

    /** As {@link #assertFails}, also asserting the message contains {@code message}. */
    static void assertFailsWith(Connection connection, String sql, String sqlState, String message) {
        assertThat(assertFails(connection, sql, sqlState).getMessage()).contains(message);
    }

    /** The lines EXPLAIN prints for {@code query}, as one string. */
    static String explain(Connection connection, String query) throws SQLException {
        return String.join("\n", queryStrings(connection, "EXPLAIN " + query));
    }

    /** Column {@code column} (1-based) of every row, as doubles. */
    static List<Double> queryDoubles(Connection connection, String sql, int column) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getDouble(column));
            }
        }
        return values;
    }

    /**
     * The share of the rows an index plan returns for each k-NN query (whose second column is the distance) that
     * are no farther than the exact plan's k-th: recall that counts ties (common with integer Hamming distances
     * or nearly equidistant sparse rows) as found.
     */
    static double recallWithinExactKth(Connection connection, List<String> knnQueries, int k) throws SQLException {
        int found = 0;
        for (String knn : knnQueries) {
            List<Double> approximate = queryDoubles(connection, knn, 2);
            execute(connection, "SET enable_indexscan = off");
            double kth = queryDoubles(connection, knn, 2).get(k - 1);
            execute(connection, "RESET enable_indexscan");
            found += (int) approximate.stream().filter(d -> d <= kth + 1e-6 * Math.abs(kth)).count();
        }
        return found / (double) (knnQueries.size() * k);
    }

    /**
     * Restarts {@code server} and asserts that the k-NN query {@code knn} still plans through {@code index} and
     * returns what it returned before, with no index built since the start; returns the new connection.
     */
    static Connection restartKeepsIndex(RunningServer server, Connection connection, String knn, String index)
            throws SQLException {
        List<String> before = queryStrings(connection, knn);
        connection.close();
        server.restart();
        Connection reconnected = server.connect();
        assertThat(explain(reconnected, knn)).contains("index=[" + index + "]");
        assertThat(queryStrings(reconnected, knn)).isEqualTo(before);
        assertThat(server.server().engine().vectorIndexes().builds()).isZero();
        return reconnected;
    }

    /** Asserts the connection still answers a query, as it must after any error. */
    static void assertUsable(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        assertThat(queryStrings(connection, "SELECT 1")).containsExactly("1");
    }

    /** The first column of every row, as strings. */
    static List<String> queryStrings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static int update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Sets the parameters of one row of a batched insert. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement insert, int row) throws SQLException;
    }

    /**
     * Inserts {@code rows} rows with {@code sql} in one transaction, in batches of 1,000 plain Bind/Execute steps
     * of the cached plan (faster here than rewritten batches); {@code bind} sets row i's parameters.
     */
    static void insertInBatches(Connection connection, String sql, int rows, RowBinder bind) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                bind.bind(insert, i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(autoCommit);
    }
}
