package io.quiver.sql.type;

import org.apache.calcite.rel.type.RelDataTypeFamily;

/** Type families of Quiver's own types, distinct from every {@link org.apache.calcite.sql.type.SqlTypeFamily}. */
public enum QuiverTypeFamily implements RelDataTypeFamily {
    VECTOR,
    BIT
}
