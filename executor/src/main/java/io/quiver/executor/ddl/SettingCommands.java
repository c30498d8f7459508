package io.quiver.executor.ddl;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.session.DurationSetting;
import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionSettings;
import io.quiver.executor.statement.QuiverPreparedStatement;
import io.quiver.executor.statement.StatementResult;
import io.quiver.executor.statement.Statements;
import io.quiver.executor.statement.TransactionUse;
import io.quiver.sql.utility.ResetVariable;
import io.quiver.sql.utility.SetVariable;
import io.quiver.sql.utility.ShowVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SET, RESET and SHOW. */
final class SettingCommands {
    private SettingCommands() {
    }

    static QuiverPreparedStatement set(QuiverSession session, SetVariable set) {
        return Statements.command(session, TransactionUse.NORMAL, parameters -> {
            SessionSettings settings = session.settings();
            String name = set.name().toLowerCase(Locale.ROOT);
            boolean report;
            if (set.isDefault()) {
                report = set.local() ? settings.setLocal(name, null) : settings.reset(name);
            } else {
                String value = SettingValues.validate(name, String.join(", ", set.values()));
                report = set.local() ? settings.setLocal(name, value) : settings.set(name, value);
            }
            return reported(session, "SET", name, report);
        });
    }

    static QuiverPreparedStatement reset(QuiverSession session, ResetVariable reset) {
        return Statements.command(session, TransactionUse.NORMAL, parameters -> {
            if (reset.name().equalsIgnoreCase("all")) {
                session.settings().resetAll();
                return StatementResult.command("RESET");
            }
            boolean report = session.settings().reset(reset.name());
            return reported(session, "RESET", reset.name().toLowerCase(Locale.ROOT), report);
        });
    }

    static QuiverPreparedStatement show(QuiverSession session, ShowVariable show) {
        if (show.name().equalsIgnoreCase("all")) {
            List<ColumnDescription> columns = List.of(Statements.textColumn("name"),
                    Statements.textColumn("setting"), Statements.textColumn("description"));
            return Statements.query(session, columns, parameters -> {
                List<Object[]> rows = new ArrayList<>();
                session.settings().all().forEach((name, value) -> rows.add(new Object[] {name, value, ""}));
                return StatementResult.rows(rows, "SHOW");
            });
        }
        session.settings().show(show.name()); // an unknown name fails at Parse, as in PostgreSQL
        String label = show.name().toLowerCase(Locale.ROOT);
        return Statements.query(session, List.of(Statements.textColumn(label)), parameters -> {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {session.settings().show(show.name())});
            return new StatementResult(rows.iterator(), count -> "SHOW", List.of(), Map.of(), () -> { });
        });
    }

    private static StatementResult reported(QuiverSession session, String tag, String name, boolean report) {
        Map<String, String> changes = report
                ? Map.of(SessionSettings.displayName(name), session.settings().show(name))
                : Collections.emptyMap();
        return new StatementResult(Collections.emptyIterator(), rows -> tag, List.of(), changes, () -> { });
    }

    /** Rejects values Quiver cannot honour rather than pretending to. */
    static final class SettingValues {
        private SettingValues() {
        }

        static String validate(String name, String value) {
            switch (name) {
                case "client_encoding" -> {
                    String normalized = value.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
                    if (!normalized.equals("UTF8") && !normalized.equals("UNICODE")) {
                        throw QuiverException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "conversion between %s and UTF8 is not supported", value);
                    }
                    return "UTF8";
                }
                case "hnsw.ef_search" -> {
                    return integerInRange(name, value, 1, 1000);
                }
                case "ivfflat.probes" -> {
                    return integerInRange(name, value, 1, 32768);
                }
                case "extra_float_digits" -> {
                    return integerInRange(name, value, -15, 3);
                }
                case "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout" -> {
                    return DurationSetting.normalize(name, value, 0);
                }
                case "log_min_duration_statement" -> {
                    return DurationSetting.normalize(name, value, -1);
                }
                case "max_connections" -> throw QuiverException.of(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                        "parameter \"%s\" cannot be changed without restarting the server", name);
                default -> {
                    return value;
                }
            }
        }

        private static String integerInRange(String name, String value, int min, int max) {
            int parsed;
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"%s\": \"%s\"", name, value);
            }
            if (parsed < min || parsed > max) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "%d is outside the valid range for parameter \"%s\" (%d .. %d)", parsed, name, min, max);
            }
            return String.valueOf(parsed);
        }
    }
}
