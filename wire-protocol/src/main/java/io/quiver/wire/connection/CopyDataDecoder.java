package io.quiver.wire.connection;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.CopyFormat;
import io.quiver.wire.type.TypeCodecs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns COPY FROM STDIN data, arriving in chunks that split lines anywhere, into rows of typed values, in
 * PostgreSQL's text format (backslash escapes, {@code \N} for NULL, {@code \.} as end marker) or CSV (quoted
 * fields may span lines, an unquoted empty field is NULL).
 */
final class CopyDataDecoder {
    private final CopyFormat format;
    private final List<PgType> types;
    private final TypeCodecs codecs;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean headerSkipped;
    private boolean ended;
    private long line;

    CopyDataDecoder(CopyFormat format, List<PgType> types, TypeCodecs codecs) {
        this.format = format;
        this.types = List.copyOf(types);
        this.codecs = codecs;
    }

    /** The rows completed by this chunk of data. */
    List<Object[]> feed(byte[] data) {
        pending.write(data, 0, data.length);
        return completeRecords(false);
    }

    /** The last row, if the data did not end with a newline. */
    List<Object[]> finish() {
        return completeRecords(true);
    }

    private List<Object[]> completeRecords(boolean atEnd) {
        byte[] bytes = pending.toByteArray();
        List<Object[]> rows = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (format.csv() && b == format.quote()) {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                record(new String(bytes, start, i - start, StandardCharsets.UTF_8), rows);
                start = i + 1;
            }
        }
        if (atEnd && start < bytes.length) {
            record(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), rows);
            start = bytes.length;
        }
        pending.reset();
        pending.write(bytes, start, bytes.length - start);
        return rows;
    }

    private void record(String text, List<Object[]> rows) {
        line++;
        String record = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (ended) {
            return;
        }
        if (!format.csv() && record.equals("\\.")) {
            ended = true;
            return;
        }
        if (format.csv() && format.header() && !headerSkipped) {
            headerSkipped = true;
            return;
        }
        List<String> fields = format.csv() ? csvFields(record) : textFields(record);
        if (fields.size() != types.size()) {
            throw QuiverException.of(SqlState.BAD_COPY_FILE_FORMAT, fields.size() < types.size()
                    ? "missing data for column %d" : "extra data after last expected column", fields.size() + 1)
                    .withDetail("COPY line " + line);
        }
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            String field = fields.get(i);
            row[i] = field == null ? null : codecs.forType(types.get(i)).decodeText(field);
        }
        rows.add(row);
    }

    private List<String> textFields(String record) {
        List<String> fields = new ArrayList<>(types.size());
        char delimiter = format.delimiter();
        int start = 0;
        while (true) {
            int end = record.indexOf(delimiter, start);
            String raw = record.substring(start, end < 0 ? record.length() : end);
            fields.add(raw.equals(format.nullString()) ? null : unescape(raw));
            if (end < 0) {
                return fields;
            }
            start = end + 1;
        }
    }

    private static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Splits a CSV record, copying runs of plain characters at once rather than one by one. */
    private List<String> csvFields(String record) {
        List<String> fields = new ArrayList<>(types.size());
        StringBuilder field = new StringBuilder(record.length());
        boolean inQuotes = false;
        boolean wasQuoted = false;
        int run = 0;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (inQuotes) {
                if (c == format.escape() && i + 1 < record.length() && record.charAt(i + 1) == format.quote()) {
                    field.append(record, run, i).append(format.quote());
                    run = ++i + 1;
                } else if (c == format.quote()) {
                    field.append(record, run, i);
                    inQuotes = false;
                    run = i + 1;
                }
            } else if (c == format.quote()) {
                field.append(record, run, i);
                inQuotes = true;
                wasQuoted = true;
                run = i + 1;
            } else if (c == format.delimiter()) {
                fields.add(csvValue(field.append(record, run, i), wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                run = i + 1;
            }
        }
        fields.add(csvValue(field.append(record, run, record.length()), wasQuoted));
        return fields;
    }

    private String csvValue(StringBuilder field, boolean wasQuoted) {
        String value = field.toString();
        return !wasQuoted && value.equals(format.nullString()) ? null : value;
    }
}
