package io.quiver.executor.system;

import io.quiver.executor.session.QuiverSession;
import io.quiver.executor.session.SessionActivity;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code pg_stat_activity}: a row per open session, with PostgreSQL 15's columns. Quiver has no background
 * processes to show, no transaction ids to hand out (backend_xid and backend_xmin are NULL) and no query ids;
 * an idle session waits on ClientRead, as PostgreSQL's do.
 */
final class ActivityCatalogs {
    static final SystemTable STAT_ACTIVITY = new SystemTable(
            "datid:oid datname:name pid:int4 leader_pid:int4 usesysid:oid usename:name application_name:text "
                    + "client_addr:text client_hostname:text client_port:int4 backend_start:timestamptz "
                    + "xact_start:timestamptz query_start:timestamptz state_change:timestamptz wait_event_type:text "
                    + "wait_event:text state:text backend_xid:oid backend_xmin:oid query_id:int8 query:text "
                    + "backend_type:text",
            (context, rows) -> {
                for (QuiverSession session : context.session().engine().sessions()) {
                    SessionActivity activity = session.activity();
                    SessionActivity.Snapshot now = activity.snapshot();
                    InetSocketAddress client = activity.client();
                    boolean idle = !now.state().equals(SessionActivity.ACTIVE);
                    rows.add().set("datid", SystemObjects.DATABASE_OID).set("datname", session.options().database())
                            .set("pid", session.options().processId())
                            .set("usesysid", SystemObjects.BOOTSTRAP_SUPERUSER).set("usename", session.options().user())
                            .set("application_name", session.setting("application_name"))
                            .set("client_addr", client == null ? null : client.getAddress().getHostAddress())
                            .set("client_port", client == null ? -1 : client.getPort())
                            .set("backend_start", timestamp(activity.backendStart()))
                            .set("xact_start", timestamp(now.xactStart()))
                            .set("query_start", timestamp(now.queryStart()))
                            .set("state_change", timestamp(now.stateChange()))
                            .set("wait_event_type", idle ? "Client" : null).set("wait_event", idle ? "ClientRead" : null)
                            .set("state", now.state()).set("query", now.query()).set("backend_type", "client backend");
                }
            });

    private ActivityCatalogs() {
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
