package io.quiver.wire.testing;

import io.quiver.executor.api.QueryEngine;
import io.quiver.executor.api.Session;
import io.quiver.executor.api.SessionOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A QueryEngine for wire tests: serves a handful of canned statements (see {@link CannedSession}). */
public final class CannedQueryEngine implements QueryEngine {
    private final List<CannedSession> sessions = new CopyOnWriteArrayList<>();

    @Override
    public Session openSession(SessionOptions options) {
        CannedSession session = new CannedSession(options);
        sessions.add(session);
        return session;
    }

    @Override
    public Map<String, String> startupParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("server_version", "15.0 (Quiver)");
        parameters.put("server_encoding", "UTF8");
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO, MDY");
        parameters.put("integer_datetimes", "on");
        parameters.put("standard_conforming_strings", "on");
        parameters.put("TimeZone", "UTC");
        return parameters;
    }

    public List<CannedSession> sessions() {
        return sessions;
    }

    @Override
    public void close() {
    }
}
