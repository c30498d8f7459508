package io.quiver.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a statement gave: its first value (null for none), or the SQLSTATE it failed with. */
record Outcome(String value, String sqlState) {
    static Outcome success(String value) {
        return new Outcome(value, null);
    }

    static Outcome failure(String sqlState) {
        return new Outcome(null, sqlState);
    }

    static Outcome of(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            return statement.execute(sql) ? first(statement.getResultSet()) : success(null);
        } catch (SQLException e) {
            return failure(e.getSQLState());
        }
    }

    static Outcome first(ResultSet rs) throws SQLException {
        return success(rs.next() ? rs.getString(1) : null);
    }
}
