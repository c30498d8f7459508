package io.quiver.wire.connection;

import io.netty.buffer.ByteBuf;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.wire.protocol.BackendMessages;
import io.quiver.wire.type.TypeCodec;
import io.quiver.wire.type.TypeCodecs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes DataRow messages for one result: each column in its type's codec and its requested format. */
final class RowEncoder {
    private final TypeCodec[] codecs;
    private final short[] formats;

    RowEncoder(List<ColumnDescription> columns, short[] formats, TypeCodecs typeCodecs) {
        this.codecs = columns.stream().map(column -> typeCodecs.forType(column.type())).toArray(TypeCodec[]::new);
        this.formats = formats;
    }

    void write(ByteBuf out, Object[] row) {
        int start = BackendMessages.begin(out, 'D');
        out.writeShort(row.length);
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthIndex = out.writerIndex();
            out.writeInt(0);
            if (formats[i] == FormatCodes.BINARY) {
                codecs[i].encodeBinary(value, out);
            } else {
                out.writeCharSequence(codecs[i].encodeText(value), StandardCharsets.UTF_8);
            }
            out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
        }
        BackendMessages.end(out, start);
    }
}
