package io.quiver.executor.api;

/**
 * COPY's data layout, as its options give it.
 *
 * @param csv CSV rather than PostgreSQL's text format
 * @param delimiter the field separator (tab for text, comma for CSV by default)
 * @param nullString the field that means NULL ({@code \N} for text, an empty unquoted field for CSV)
 * @param header whether the first line is a header to skip (CSV only)
 * @param quote the CSV quote character
 * @param escape the CSV escape character inside quotes
 */
public record CopyFormat(boolean csv, char delimiter, String nullString, boolean header, char quote, char escape) {
    public static final CopyFormat TEXT = new CopyFormat(false, '\t', "\\N", false, '"', '"');
    public static final CopyFormat CSV = new CopyFormat(true, ',', "", false, '"', '"');
}
