package io.quiver.wire.connection;

import io.quiver.executor.api.QueryEngine;
import io.quiver.wire.StatementObserver;
import io.quiver.wire.auth.SecurityConfig;
import java.util.concurrent.Executor;

/**
 * What every connection of a server shares.
 *
 * @param workers where queries run; never a Netty event loop
 * @param slots the max_connections limit
 * @param observer told of completed statements and errors sent (metrics)
 * @param security how clients authenticate and whether they may use TLS
 */
public record ConnectionServices(QueryEngine engine, BackendKeyRegistry backendKeys, Executor workers,
                                 ConnectionSlots slots, StatementObserver observer, SecurityConfig security) {
}
