package io.quiver.wire.connection;

import io.quiver.executor.api.QueryEngine;
import java.util.concurrent.Executor;

/**
 * What every connection of a server shares.
 *
 * @param workers where queries run; never a Netty event loop
 */
public record ConnectionServices(QueryEngine engine, BackendKeyRegistry backendKeys, Executor workers) {
}
