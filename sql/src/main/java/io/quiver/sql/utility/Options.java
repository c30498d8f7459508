package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityParser.OptionValueContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RelOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RelOptionsContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.VarValueContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Values of storage parameters and SET variables, as PostgreSQL's grammar hands them on: unquoted text. */
final class Options {
    private Options() {
    }

    /** {@code (name [= value], ...)}: a parameter without a value means true, as in PostgreSQL. */
    static Map<String, String> relOptions(RelOptionsContext ctx) {
        Map<String, String> options = new LinkedHashMap<>();
        for (RelOptionContext option : ctx.relOption()) {
            String key = Words.name(option.colLabel()).toLowerCase(Locale.ROOT);
            String value = option.optionValue() == null ? "true" : value(option.optionValue());
            if (options.putIfAbsent(key, value) != null) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                        "parameter \"" + key + "\" specified more than once");
            }
        }
        return options;
    }

    private static String value(OptionValueContext ctx) {
        if (ctx.string() != null) {
            return Words.string(ctx.string());
        }
        return ctx.signedNumber() != null ? ctx.signedNumber().getText() : Words.name(ctx.colLabel());
    }

    static String value(VarValueContext ctx) {
        if (ctx.string() != null) {
            return Words.string(ctx.string());
        }
        return ctx.signedNumber() != null ? ctx.signedNumber().getText() : Words.name(ctx);
    }
}
