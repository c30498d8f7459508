package io.quiver.sql.type;

import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/** PostgreSQL's bit string constants: {@code B'1010'} is the value of type {@code bit(4)}. */
public final class BitStringLiterals {
    private BitStringLiterals() {
    }

    /** The constant whose token is {@code image} ({@code B'1010'}), as a cast of its digits to bit(length). */
    public static SqlNode literal(String image, SqlParserPos pos) {
        String digits = image.substring(2, image.length() - 1);
        // B'' has no bit(0) to be: it is the empty bit varying.
        QuiverTypeNameSpec type = digits.isEmpty()
                ? new QuiverTypeNameSpec(new SqlIdentifier("varbit", pos), List.of(), pos)
                : new QuiverTypeNameSpec(new SqlIdentifier("bit", pos), List.of(digits.length()), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(digits, pos),
                new SqlDataTypeSpec(type, pos));
    }
}
