package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.executor.session.QuiverSession;

/** What a system table's rows are computed from: the statement's catalog version and its session. */
public record SystemContext(CatalogState catalog, QuiverSession session) {
}
