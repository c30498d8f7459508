package io.quiver.wire.connection;

import io.quiver.executor.api.Portal;

/** A portal with the result format of each of its columns, as Bind asked. */
record BoundPortal(Portal portal, short[] resultFormats) {
}
