package io.quiver.executor.statement;

import java.util.List;

/** Runs a prepared statement with bound parameter values. */
@FunctionalInterface
public interface StatementRunner {
    StatementResult run(List<Object> parameters);
}
