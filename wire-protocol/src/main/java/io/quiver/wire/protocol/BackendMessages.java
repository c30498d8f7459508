package io.quiver.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes server messages into a buffer; each method appends one complete message. */
public final class BackendMessages {
    private static final int AUTHENTICATION_OK = 0;
    private static final short TEXT_FORMAT = 0;

    private BackendMessages() {
    }

    /** Starts a message: its type and a length word patched by {@link #end}. Returns the length's index. */
    public static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    public static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    public static void authenticationOk(ByteBuf out) {
        int start = begin(out, 'R');
        out.writeInt(AUTHENTICATION_OK);
        end(out, start);
    }

    public static void parameterStatus(ByteBuf out, String name, String value) {
        int start = begin(out, 'S');
        writeCString(out, name);
        writeCString(out, value);
        end(out, start);
    }

    public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
        int start = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        end(out, start);
    }

    /** Tells a client asking for protocol 3.x (x &gt; 0) or _pq_ options that this server speaks 3.0 only. */
    public static void negotiateProtocolVersion(ByteBuf out, int newestMinorVersion, List<String> unknownOptions) {
        int start = begin(out, 'v');
        out.writeInt(newestMinorVersion);
        out.writeInt(unknownOptions.size());
        unknownOptions.forEach(option -> writeCString(out, option));
        end(out, start);
    }

    public static void readyForQuery(ByteBuf out, char transactionStatus) {
        int start = begin(out, 'Z');
        out.writeByte(transactionStatus);
        end(out, start);
    }

    public static void parseComplete(ByteBuf out) {
        empty(out, '1');
    }

    public static void bindComplete(ByteBuf out) {
        empty(out, '2');
    }

    public static void closeComplete(ByteBuf out) {
        empty(out, '3');
    }

    public static void noData(ByteBuf out) {
        empty(out, 'n');
    }

    public static void portalSuspended(ByteBuf out) {
        empty(out, 's');
    }

    public static void emptyQueryResponse(ByteBuf out) {
        empty(out, 'I');
    }

    /** CopyInResponse: text format for the whole COPY and each of its columns. */
    public static void copyInResponse(ByteBuf out, int columns) {
        copyResponse(out, 'G', columns);
    }

    /** CopyOutResponse: text format for the whole COPY and each of its columns. */
    public static void copyOutResponse(ByteBuf out, int columns) {
        copyResponse(out, 'H', columns);
    }

    private static void copyResponse(ByteBuf out, char type, int columns) {
        int length = begin(out, type);
        out.writeByte(0);
        out.writeShort(columns);
        for (int i = 0; i < columns; i++) {
            out.writeShort(0);
        }
        end(out, length);
    }

    public static void copyData(ByteBuf out, byte[] data) {
        int length = begin(out, 'd');
        out.writeBytes(data);
        end(out, length);
    }

    public static void copyDone(ByteBuf out) {
        empty(out, 'c');
    }

    public static void commandComplete(ByteBuf out, String tag) {
        int start = begin(out, 'C');
        writeCString(out, tag);
        end(out, start);
    }

    public static void parameterDescription(ByteBuf out, List<PgType> types) {
        int start = begin(out, 't');
        out.writeShort(types.size());
        types.forEach(type -> out.writeInt(type.oid()));
        end(out, start);
    }

    /** RowDescription; {@code formats[i]} is column i's format code (0 text, 1 binary). */
    public static void rowDescription(ByteBuf out, List<ColumnDescription> columns, short[] formats) {
        int start = begin(out, 'T');
        out.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescription column = columns.get(i);
            writeCString(out, column.name());
            out.writeInt(column.tableOid());
            out.writeShort(column.columnNumber());
            out.writeInt(column.type().oid());
            out.writeShort(column.type().typlen());
            out.writeInt(column.typmod());
            out.writeShort(formats.length == 0 ? TEXT_FORMAT : formats[i]);
        }
        end(out, start);
    }

    public static void errorResponse(ByteBuf out, ErrorReport report) {
        reportFields(out, 'E', report);
    }

    public static void noticeResponse(ByteBuf out, ErrorReport report) {
        reportFields(out, 'N', report);
    }

    private static void reportFields(ByteBuf out, char type, ErrorReport report) {
        int start = begin(out, type);
        field(out, 'S', report.severity());
        field(out, 'V', report.severity());
        field(out, 'C', report.sqlState());
        field(out, 'M', report.message());
        field(out, 'D', report.detail());
        field(out, 'H', report.hint());
        if (report.position() > 0) {
            field(out, 'P', Integer.toString(report.position()));
        }
        out.writeByte(0);
        end(out, start);
    }

    private static void field(ByteBuf out, char code, String value) {
        if (value != null) {
            out.writeByte(code);
            writeCString(out, value);
        }
    }

    private static void empty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    public static void writeCString(ByteBuf out, String value) {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }
}
