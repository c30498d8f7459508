package io.quiver.catalog;

import io.quiver.common.type.PgType;

/**
 * A dropped column's slot: rows stored before the drop still carry a value there, which reads skip over.
 *
 * @param slot its position in stored rows
 * @param type its type, needed to read past its stored values
 */
public record DroppedColumn(int slot, PgType type) {
}
