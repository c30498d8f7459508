package io.quiver.executor.statement;

import io.quiver.executor.api.Notice;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What running a statement produced: its rows (consumed lazily, possibly over several Executes), how to build
 * its command tag from the number of rows sent, and the messages to send with its completion.
 *
 * @param rows the result rows (empty for statements without a result set)
 * @param tag builds the CommandComplete tag from the number of rows sent
 * @param notices NOTICE/WARNING messages
 * @param parameterChanges settings to report with ParameterStatus
 * @param onClose releases what the rows hold (cursors), called once whether or not all rows were read
 */
public record StatementResult(Iterator<Object[]> rows, LongFunction<String> tag, List<Notice> notices,
                              Map<String, String> parameterChanges, Runnable onClose) {
    public static StatementResult command(String tag) {
        return new StatementResult(Collections.emptyIterator(), rows -> tag, List.of(), Map.of(), () -> { });
    }

    public static StatementResult command(String tag, List<Notice> notices) {
        return new StatementResult(Collections.emptyIterator(), rows -> tag, notices, Map.of(), () -> { });
    }

    public static StatementResult rows(List<Object[]> rows, String tagPrefix) {
        return new StatementResult(rows.iterator(), count -> tagPrefix + " " + count, List.of(), Map.of(), () -> { });
    }
}
