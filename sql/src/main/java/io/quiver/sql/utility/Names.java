package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityParser.AnyNameContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColLabelContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColIdContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColIdListContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.QualifiedNameContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.QualifiedNameListContext;
import java.util.ArrayList;
import java.util.List;

/** Dotted names: their folded parts, and relation names checked the way PostgreSQL's makeRangeVar does. */
final class Names {
    private Names() {
    }

    static List<String> parts(AnyNameContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(Words.name(ctx.colId()));
        for (ColLabelContext label : ctx.colLabel()) {
            parts.add(Words.name(label));
        }
        return parts;
    }

    static QualifiedName qualified(QualifiedNameContext ctx) {
        return relation(parts(ctx.anyName()));
    }

    static List<QualifiedName> qualifiedList(QualifiedNameListContext ctx) {
        return ctx == null ? List.of() : ctx.qualifiedName().stream().map(Names::qualified).toList();
    }

    static List<String> list(ColIdListContext ctx) {
        return ctx.colId().stream().map(Words::name).toList();
    }

    static List<String> list(List<ColIdContext> names) {
        return names.stream().map(Words::name).toList();
    }

    static QualifiedName relation(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> QualifiedName.of(parts.getFirst());
            case 2 -> new QualifiedName(parts.get(0), parts.get(1));
            case 3 -> throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "cross-database references are not implemented: \"" + String.join(".", parts) + "\"");
            default -> throw new QuiverException(SqlState.SYNTAX_ERROR,
                    "improper relation name (too many dotted names): " + String.join(".", parts));
        };
    }
}
