package io.quiver.executor.api;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one Execute.
 *
 * @param suspended true when the row limit was reached and the portal has more rows (PortalSuspended)
 * @param commandTag the CommandComplete tag ({@code SELECT 5}, {@code INSERT 0 3}, ...) when not suspended
 * @param notices NOTICE messages to send before the completion (e.g. "table does not exist, skipping")
 * @param parameterChanges settings a client must be told of through ParameterStatus (after SET)
 */
public record ExecutionResult(boolean suspended, String commandTag, List<Notice> notices,
                              Map<String, String> parameterChanges) {
    public static ExecutionResult suspendedResult() {
        return new ExecutionResult(true, null, List.of(), Map.of());
    }

    public static ExecutionResult complete(String commandTag) {
        return new ExecutionResult(false, commandTag, List.of(), Map.of());
    }
}
