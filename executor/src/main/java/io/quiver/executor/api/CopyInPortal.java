package io.quiver.executor.api;

import io.quiver.common.type.PgType;
import java.util.List;

/**
 * A portal of {@code COPY ... FROM STDIN}: instead of producing rows it takes the rows the client streams. The
 * wire layer decodes the data in {@link #format()} into values of {@link #columnTypes()} and hands them over;
 * {@link #execute} is called once all rows were accepted and completes the statement ({@code COPY n}).
 */
public interface CopyInPortal extends Portal {
    /** How the client's data is laid out. */
    CopyFormat format();

    /** The types of the fields of each row, in the order the client sends them. */
    List<PgType> columnTypes();

    /** Stores one row (canonical values, null for NULL). */
    void accept(Object[] row);

    /** The client's data was unusable or the client gave up (CopyFail): nothing of this COPY may commit. */
    void abort();
}
