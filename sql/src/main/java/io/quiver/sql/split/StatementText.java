package io.quiver.sql.split;

/**
 * One statement of a simple-query string.
 *
 * @param text   the statement, trimmed, without its terminating semicolon
 * @param offset the index in the whole query string of the statement's first character, so that a position
 *               reported within {@code text} maps back to the string the client sent. It is a Java (UTF-16)
 *               index while PostgreSQL positions count characters: a 1-based position {@code p} within
 *               {@code text} is {@code sql.codePointCount(0, offset) + p} within the whole string.
 */
public record StatementText(String text, int offset) {
}
