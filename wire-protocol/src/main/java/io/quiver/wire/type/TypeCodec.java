package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;

/**
 * The text and binary wire forms of one PostgreSQL type, over the canonical Java values that
 * {@link io.quiver.common.type.PgType} documents.
 */
public interface TypeCodec {
    /** The value as PostgreSQL's output function prints it. */
    String encodeText(Object value);

    /**
     * Reads a value as PostgreSQL's input function does.
     *
     * @throws io.quiver.common.error.QuiverException with PostgreSQL's SQLSTATE and wording for bad input
     */
    Object decodeText(String text);

    /** Appends the value as PostgreSQL's send function writes it, without the length word. */
    void encodeBinary(Object value, ByteBuf out);

    /**
     * Reads a value as PostgreSQL's receive function does. The buffer holds exactly the value; running past
     * its end throws {@link IndexOutOfBoundsException}, which callers report as a binary format error.
     */
    Object decodeBinary(ByteBuf in);
}
