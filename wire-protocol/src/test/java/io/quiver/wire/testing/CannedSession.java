package io.quiver.wire.testing;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Notice;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The canned statements:
 * <ul>
 *   <li>{@code select i from ints}: int4 1..10 (and {@code select i from ints_1000}: 1..1000)</li>
 *   <li>{@code select id, embedding from items}: int8 and vector(3)</li>
 *   <li>{@code select * from every_type}: one row, one column of each scalar type</li>
 *   <li>{@code select $1::TYPE}: echoes its parameter as a column of that type</li>
 *   <li>{@code select 1/0}: fails with 22012; {@code select boom}: fails with a non-Quiver exception</li>
 *   <li>{@code select pg_sleep(10)}: runs until cancelled (57014)</li>
 *   <li>{@code begin}, {@code commit}, {@code rollback}, {@code set timezone = 'Z'}, any other {@code set},
 *       {@code drop table if exists nothing} (a NOTICE)</li>
 * </ul>
 */
public final class CannedSession implements Session {
    private static final Pattern ECHO = Pattern.compile("select \\$1::(\\w+)");
    private static final Pattern SET_TIMEZONE = Pattern.compile("set timezone\\s*(?:=|to)\\s*'([^']+)'");

    private final SessionOptions options;
    private final Map<String, String> settings = new HashMap<>();
    private volatile boolean cancelRequested;
    private volatile boolean closed;
    private char transactionStatus = 'I';

    CannedSession(SessionOptions options) {
        this.options = options;
        settings.put("TimeZone", options.parameters().getOrDefault("TimeZone", "UTC"));
    }

    public SessionOptions options() {
        return options;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public List<String> splitStatements(String sql) {
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        String normalized = sql.strip().toLowerCase(Locale.ROOT);
        if (transactionStatus == 'E' && !normalized.equals("rollback") && !normalized.equals("commit")) {
            throw new QuiverException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        Matcher echo = ECHO.matcher(normalized);
        if (echo.matches()) {
            PgType type = PgType.byName(echo.group(1));
            return new Statement(List.of(type), List.of(ColumnDescription.computed(echo.group(1), type)),
                    params -> rows(new Object[] {params.get(0)}), "SELECT 1");
        }
        Matcher setTimeZone = SET_TIMEZONE.matcher(normalized);
        if (setTimeZone.matches()) {
            String zone = sql.strip().substring(setTimeZone.start(1), setTimeZone.end(1));
            return command(() -> {
                settings.put("TimeZone", zone);
                return new ExecutionResult(false, "SET", List.of(), Map.of("TimeZone", zone));
            });
        }
        if (normalized.startsWith("set ")) {
            return command(() -> ExecutionResult.complete("SET"));
        }
        return switch (normalized) {
            case "select i from ints" -> intsStatement(10);
            case "select i from ints_1000" -> intsStatement(1000);
            case "select id, embedding from items" -> new Statement(List.of(),
                    List.of(new ColumnDescription("id", PgType.INT8, -1, 16400, (short) 1),
                            new ColumnDescription("embedding", PgType.VECTOR, 3, 16400, (short) 2)),
                    params -> rows(new Object[] {1L, new float[] {1, 2, 3}}, new Object[] {2L, new float[] {0.5f, -1.25f, 3e-7f}},
                            new Object[] {3L, null}), "SELECT 3");
            case "select * from every_type" -> everyType();
            case "select 1/0" -> failing(() -> new QuiverException(SqlState.DIVISION_BY_ZERO, "division by zero"));
            case "select boom" -> failing(() -> new IllegalStateException("boom"));
            case "select pg_sleep(10)" -> new Statement(List.of(), List.of(ColumnDescription.computed("pg_sleep", PgType.VOID)),
                    params -> sleepUntilCancelled(), "SELECT 1");
            case "begin" -> command(() -> transition('T', "BEGIN"));
            case "commit" -> command(() -> transition('I', transactionStatus == 'E' ? "ROLLBACK" : "COMMIT"));
            case "rollback" -> command(() -> transition('I', "ROLLBACK"));
            case "drop table if exists nothing" -> command(() -> new ExecutionResult(false, "DROP TABLE",
                    List.of(Notice.notice(SqlState.SUCCESSFUL_COMPLETION, "table \"nothing\" does not exist, skipping")),
                    Map.of()));
            default -> throw QuiverException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"",
                    normalized.split("\\s+")[0]).withPosition(1);
        };
    }

    private Statement intsStatement(int count) {
        return new Statement(List.of(), List.of(ColumnDescription.computed("i", PgType.INT4)),
                params -> IntStream.rangeClosed(1, count).mapToObj(i -> new Object[] {i}).toList(),
                "SELECT " + count);
    }

    private Statement everyType() {
        List<ColumnDescription> columns = List.of(
                ColumnDescription.computed("b", PgType.BOOL),
                ColumnDescription.computed("s", PgType.INT2),
                ColumnDescription.computed("i", PgType.INT4),
                ColumnDescription.computed("l", PgType.INT8),
                ColumnDescription.computed("r", PgType.FLOAT4),
                ColumnDescription.computed("d", PgType.FLOAT8),
                ColumnDescription.computed("n", PgType.NUMERIC),
                ColumnDescription.computed("t", PgType.TEXT),
                ColumnDescription.computed("ts", PgType.TIMESTAMP),
                ColumnDescription.computed("tstz", PgType.TIMESTAMPTZ),
                ColumnDescription.computed("dt", PgType.DATE),
                ColumnDescription.computed("by", PgType.BYTEA),
                ColumnDescription.computed("arr", PgType.TEXT_ARRAY),
                ColumnDescription.computed("v", PgType.VECTOR));
        Object[] row = {true, (short) -2, 42, 1L << 40, 1.5f, 0.1, new BigDecimal("1.50"), "héllo",
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.UTC),
                LocalDate.of(2024, 2, 29), new byte[] {(byte) 0xde, (byte) 0xad}, new Object[] {"a b", null, "x"},
                new float[] {1, 2.5f, -3}};
        return new Statement(List.of(), columns, params -> rows(row), "SELECT 1");
    }

    private static List<Object[]> rows(Object[]... rows) {
        return Arrays.asList(rows);
    }

    private Statement failing(java.util.function.Supplier<RuntimeException> failure) {
        return new Statement(List.of(), List.of(), params -> {
            throw failure.get();
        }, null);
    }

    private Statement command(java.util.function.Supplier<ExecutionResult> action) {
        return new Statement(List.of(), List.of(), null, null) {
            @Override
            public Portal bind(List<Object> parameters) {
                return new CannedPortal(List.of(), () -> List.of(), null) {
                    @Override
                    public ExecutionResult execute(int maxRows, io.quiver.executor.api.RowSink sink) {
                        return action.get();
                    }
                };
            }
        };
    }

    private ExecutionResult transition(char status, String tag) {
        transactionStatus = status;
        return ExecutionResult.complete(tag);
    }

    private List<Object[]> sleepUntilCancelled() {
        cancelRequested = false;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (cancelRequested) {
                throw new QuiverException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuiverException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
        }
        return rows(new Object[] {""});
    }

    private int syncs;

    @Override
    public char transactionStatus() {
        return transactionStatus;
    }

    @Override
    public void markFailed() {
        transactionStatus = 'E';
    }

    @Override
    public void sync() {
        syncs++;
    }

    /** How many times the wire layer ended the implicit transaction. */
    public int syncs() {
        return syncs;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public void close() {
        closed = true;
    }

    private static class Statement implements PreparedStatement {
        private final List<PgType> parameterTypes;
        private final List<ColumnDescription> columns;
        private final Function<List<Object>, List<Object[]>> rows;
        private final String tag;

        Statement(List<PgType> parameterTypes, List<ColumnDescription> columns,
                  Function<List<Object>, List<Object[]>> rows, String tag) {
            this.parameterTypes = parameterTypes;
            this.columns = columns;
            this.rows = rows;
            this.tag = tag;
        }

        @Override
        public List<PgType> parameterTypes() {
            return parameterTypes;
        }

        @Override
        public List<ColumnDescription> columns() {
            return columns;
        }

        @Override
        public Portal bind(List<Object> parameters) {
            List<Object> bound = new ArrayList<>(parameters);
            return new CannedPortal(columns, () -> rows.apply(bound), tag);
        }
    }
}
