package io.quiver.sql.utility;

/**
 * A statement with nothing but whitespace and comments, which PostgreSQL answers with EmptyQueryResponse
 * (the extended protocol may Parse one; the simple protocol's splitter drops them).
 */
public record EmptyStatement() implements UtilityStatement {
}
