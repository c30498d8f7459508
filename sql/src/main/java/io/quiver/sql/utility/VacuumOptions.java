package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityParser.VacuumOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.VacuumOptionsContext;
import java.util.Locale;
import java.util.Set;

/** The parenthesized options of VACUUM. Only FULL, ANALYZE and VERBOSE change what Quiver does. */
record VacuumOptions(boolean full, boolean analyze, boolean verbose) {
    /** Options PostgreSQL accepts that tune work Quiver's storage does not have; accepted so scripts still run. */
    private static final Set<String> WITHOUT_EFFECT =
            Set.of("freeze", "skip_locked", "disable_page_skipping", "process_toast", "truncate");

    static VacuumOptions of(VacuumOptionsContext ctx) {
        boolean full = false;
        boolean analyze = false;
        boolean verbose = false;
        for (VacuumOptionContext option : ctx.vacuumOption()) {
            String name = Words.name(option.colLabel()).toLowerCase(Locale.ROOT);
            boolean value = booleanValue(name, option);
            switch (name) {
                case "full" -> full = value;
                case "analyze", "analyse" -> analyze = value;
                case "verbose" -> verbose = value;
                default -> {
                    if (!WITHOUT_EFFECT.contains(name)) {
                        throw SyntaxErrors.error(SqlState.SYNTAX_ERROR,
                                "unrecognized VACUUM option \"" + name + "\"", option.getStart());
                    }
                }
            }
        }
        return new VacuumOptions(full, analyze, verbose);
    }

    /** PostgreSQL's defGetBoolean: no value, true/false/on/off in any case, or 1/0. */
    private static boolean booleanValue(String name, VacuumOptionContext option) {
        if (option.varValue() == null) {
            return true;
        }
        return switch (Options.value(option.varValue()).toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new QuiverException(SqlState.SYNTAX_ERROR, name + " requires a Boolean value");
        };
    }
}
