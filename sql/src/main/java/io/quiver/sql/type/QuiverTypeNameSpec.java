package io.quiver.sql.type;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * A type written as a (possibly schema-qualified) name with optional type modifiers, as PostgreSQL writes
 * {@code text}, {@code pg_catalog.int4} or {@code vector(3)}; {@link PgTypeNames} resolves it.
 */
public final class QuiverTypeNameSpec extends SqlTypeNameSpec {
    private final List<Integer> modifiers;

    public QuiverTypeNameSpec(SqlIdentifier name, List<Integer> modifiers, SqlParserPos pos) {
        super(name, pos);
        this.modifiers = List.copyOf(modifiers);
    }

    public List<Integer> modifiers() {
        return modifiers;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        return PgTypeNames.resolve(validator.getTypeFactory(), getTypeName().names, modifiers);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        getTypeName().unparse(writer, leftPrec, rightPrec);
        if (!modifiers.isEmpty()) {
            SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
            for (int i = 0; i < modifiers.size(); i++) {
                if (i > 0) {
                    writer.sep(",");
                }
                writer.print(modifiers.get(i));
            }
            writer.endList(frame);
        }
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        if (!(spec instanceof QuiverTypeNameSpec that)
                || !getTypeName().equalsDeep(that.getTypeName(), litmus)
                || !Objects.equals(modifiers, that.modifiers)) {
            return litmus.fail("{} != {}", this, spec);
        }
        return litmus.succeed();
    }
}
