package io.quiver.executor.session;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A session's run-time settings (what SET, SHOW and RESET act on), with PostgreSQL's defaults. Names are
 * case-insensitive; extension settings such as {@code hnsw.ef_search} are dotted.
 */
public final class SessionSettings {
    /** The settings PostgreSQL reports to the client with ParameterStatus whenever they change. */
    private static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "datestyle",
            "intervalstyle", "is_superuser", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "timezone", "integer_datetimes");

    /** Canonical spelling of each known setting, as SHOW ALL and ParameterStatus print it. */
    private static final Map<String, String> DISPLAY_NAMES = new TreeMap<>();
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        define("server_version", "15.8");
        define("server_version_num", "150008");
        define("server_encoding", "UTF8");
        define("client_encoding", "UTF8");
        define("DateStyle", "ISO, MDY");
        define("IntervalStyle", "postgres");
        define("integer_datetimes", "on");
        define("standard_conforming_strings", "on");
        define("TimeZone", "UTC");
        define("application_name", "");
        define("extra_float_digits", "1");
        define("search_path", "\"$user\", public");
        define("transaction_isolation", "read committed");
        define("default_transaction_isolation", "read committed");
        define("transaction_read_only", "off");
        define("default_transaction_read_only", "off");
        define("statement_timeout", "0");
        define("lock_timeout", "0");
        define("idle_in_transaction_session_timeout", "0");
        define("log_min_duration_statement", "-1");
        define("client_min_messages", "notice");
        define("max_identifier_length", "63");
        define("max_connections", "100");
        define("lc_messages", "C.UTF-8");
        define("lc_monetary", "C.UTF-8");
        define("lc_numeric", "C.UTF-8");
        define("lc_time", "C.UTF-8");
        define("bytea_output", "hex");
        define("synchronous_commit", "on");
        define("enable_indexscan", "on");
        define("enable_seqscan", "on");
        define("jit", "off");
        define("hnsw.ef_search", "40");
        define("hnsw.iterative_scan", "off");
        define("ivfflat.probes", "1");
        define("ivfflat.iterative_scan", "off");
    }

    private static void define(String name, String defaultValue) {
        DISPLAY_NAMES.put(name.toLowerCase(Locale.ROOT), name);
        DEFAULTS.put(name.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** What RESET returns to: PostgreSQL's defaults with the server's own (command line) values over them. */
    private final Map<String, String> resetValues = new LinkedHashMap<>(DEFAULTS);
    private final Map<String, String> values = new LinkedHashMap<>();
    /** Values SET LOCAL replaced, restored when the transaction ends (null: the name was unset). */
    private final Map<String, String> beforeLocal = new LinkedHashMap<>();

    /** Settings a client chose in its StartupMessage ({@code options} excluded) become the session's values. */
    public SessionSettings(Map<String, String> startupParameters) {
        this(Map.of(), startupParameters);
    }

    /**
     * @param serverDefaults values the server was started with (statement_timeout, max_connections ...), which
     *        replace PostgreSQL's defaults for every session and are what RESET returns to
     */
    public SessionSettings(Map<String, String> serverDefaults, Map<String, String> startupParameters) {
        serverDefaults.forEach((name, value) -> resetValues.put(name.toLowerCase(Locale.ROOT), value));
        values.putAll(resetValues);
        startupParameters.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (DEFAULTS.containsKey(key)) {
                values.put(key, value);
            }
        });
    }

    /**
     * Whether commits wait for the disk: synchronous_commit is anything but off (PostgreSQL's local,
     * remote_write and remote_apply all wait for the local disk when there is no standby).
     */
    public boolean synchronousCommit() {
        return switch (get("synchronous_commit").toLowerCase(Locale.ROOT)) {
            case "off", "false", "no", "0" -> false;
            default -> true;
        };
    }

    /** The value SHOW prints, or null when the setting is unknown. */
    public String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** Like {@link #get} but fails as PostgreSQL does for an unknown name. */
    public String show(String name) {
        String value = get(name);
        if (value == null) {
            throw unknown(name);
        }
        return value;
    }

    /**
     * Sets a value. Unknown plain names fail as in PostgreSQL; dotted (extension) names are accepted, as
     * PostgreSQL accepts placeholder variables.
     *
     * @return true when the client must be told of the change with ParameterStatus
     */
    public boolean set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key) && key.indexOf('.') < 0) {
            throw unknown(name);
        }
        values.put(key, value);
        return REPORTED.contains(key);
    }

    /**
     * SET LOCAL: like {@link #set} until the transaction ends ({@code value} null means the default).
     *
     * @return true when the client must be told of the change with ParameterStatus
     */
    public boolean setLocal(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!beforeLocal.containsKey(key)) {
            beforeLocal.put(key, values.get(key));
        }
        return value == null ? reset(name) : set(name, value);
    }

    /** Undoes the transaction's SET LOCALs. */
    public void transactionEnded() {
        beforeLocal.forEach((key, previous) -> {
            if (previous == null) {
                values.remove(key);
            } else {
                values.put(key, previous);
            }
        });
        beforeLocal.clear();
    }

    /** RESET ALL. */
    public void resetAll() {
        values.keySet().removeIf(key -> !DEFAULTS.containsKey(key));
        values.putAll(resetValues);
    }

    /** RESET name: back to the default; returns whether the client must be told. */
    public boolean reset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String defaultValue = resetValues.get(key);
        if (defaultValue == null) {
            if (key.indexOf('.') < 0) {
                throw unknown(name);
            }
            values.remove(key);
            return false;
        }
        values.put(key, defaultValue);
        return REPORTED.contains(key);
    }

    /** The spelling ParameterStatus uses ({@code DateStyle}, {@code TimeZone}). */
    public static String displayName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return DISPLAY_NAMES.getOrDefault(key, key);
    }

    /** Every setting in name order, for SHOW ALL and pg_settings. */
    public Map<String, String> all() {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((key, value) -> sorted.put(displayName(key), value));
        return Collections.unmodifiableMap(sorted);
    }

    /** An integer setting, failing with 22023 when it does not hold one. */
    public int intValue(String name) {
        String value = show(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"%s\": \"%s\"", name, value);
        }
    }

    /** The values PostgreSQL sends in ParameterStatus right after authentication. */
    public static Map<String, String> startupReport() {
        Map<String, String> report = new LinkedHashMap<>();
        for (String name : new String[] {"application_name", "client_encoding", "DateStyle", "integer_datetimes",
                "IntervalStyle", "is_superuser", "server_encoding", "server_version", "session_authorization",
                "standard_conforming_strings", "TimeZone"}) {
            String value = DEFAULTS.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                report.put(name, value);
            }
        }
        return report;
    }

    /** A millisecond-valued setting such as statement_timeout, 0 (or -1) when off. */
    public long millis(String name) {
        return DurationSetting.millis(get(name));
    }

    private static QuiverException unknown(String name) {
        return QuiverException.of(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"",
                name.toLowerCase(Locale.ROOT));
    }
}
