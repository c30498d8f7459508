package io.quiver.wire.connection;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.CopyFormat;
import io.quiver.wire.type.TypeCodecs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes rows as COPY TO STDOUT data lines, in PostgreSQL's text format or CSV. */
final class CopyDataEncoder {
    private final CopyFormat format;
    private final List<PgType> types;
    private final TypeCodecs codecs;

    CopyDataEncoder(CopyFormat format, List<ColumnDescription> columns, TypeCodecs codecs) {
        this.format = format;
        this.types = columns.stream().map(ColumnDescription::type).toList();
        this.codecs = codecs;
    }

    /** The CSV header line, or null when there is none. */
    byte[] header(List<ColumnDescription> columns) {
        if (!format.csv() || !format.header()) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(i > 0 ? String.valueOf(format.delimiter()) : "").append(csvField(columns.get(i).name()));
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] line(Object[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            if (row[i] == null) {
                line.append(format.nullString());
            } else {
                String text = codecs.forType(types.get(i)).encodeText(row[i]);
                line.append(format.csv() ? csvField(text) : textField(text));
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String textField(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == format.delimiter()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private String csvField(String text) {
        boolean quote = text.isEmpty() || text.equals(format.nullString()) || text.indexOf(format.delimiter()) >= 0
                || text.indexOf(format.quote()) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!quote) {
            return text;
        }
        String q = String.valueOf(format.quote());
        return q + text.replace(q, String.valueOf(format.escape()) + q) + q;
    }
}
