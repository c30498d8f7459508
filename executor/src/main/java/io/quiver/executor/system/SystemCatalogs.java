package io.quiver.executor.system;

import java.util.List;

/**
 * The system catalogs and views Quiver has, with the OIDs and column lists of PostgreSQL 15. Columns of types
 * Quiver does not model hold what those types print: aclitem[] as text[], pg_node_tree and anyarray as text,
 * regproc as the function's name, xid as oid.
 */
public final class SystemCatalogs {
    /** One system catalog: where it lives, its pg_class identity and its table. */
    public record Definition(String schema, String name, long oid, char kind, SystemTable table) {
    }

    private static final List<Definition> ALL = List.of(
            pg("pg_namespace", 2615, Relation.TABLE, ServerCatalogs.NAMESPACE),
            pg("pg_class", 1259, Relation.TABLE, RelationCatalogs.CLASS),
            pg("pg_attribute", 1249, Relation.TABLE, RelationCatalogs.ATTRIBUTE),
            pg("pg_attrdef", 2604, Relation.TABLE, RelationCatalogs.ATTRDEF),
            pg("pg_index", 2610, Relation.TABLE, RelationCatalogs.INDEX),
            pg("pg_constraint", 2606, Relation.TABLE, RelationCatalogs.CONSTRAINT),
            pg("pg_sequence", 2224, Relation.TABLE, RelationCatalogs.SEQUENCE),
            pg("pg_indexes", 12043, Relation.VIEW, RelationCatalogs.INDEXES),
            pg("pg_tables", 12033, Relation.VIEW, RelationCatalogs.TABLES),
            pg("pg_type", 1247, Relation.TABLE, TypeCatalogs.TYPE),
            pg("pg_am", 2601, Relation.TABLE, TypeCatalogs.AM),
            pg("pg_opclass", 2616, Relation.TABLE, TypeCatalogs.OPCLASS),
            pg("pg_collation", 3456, Relation.TABLE, TypeCatalogs.COLLATION),
            pg("pg_database", 1262, Relation.TABLE, ServerCatalogs.DATABASE),
            pg("pg_roles", 12000, Relation.VIEW, ServerCatalogs.ROLES),
            pg("pg_user", 12014, Relation.VIEW, ServerCatalogs.USER),
            pg("pg_authid", 1260, Relation.TABLE, ServerCatalogs.AUTHID),
            pg("pg_auth_members", 1261, Relation.TABLE, EmptyCatalogs.AUTH_MEMBERS),
            pg("pg_settings", 12104, Relation.VIEW, ServerCatalogs.SETTINGS),
            pg("pg_extension", 3079, Relation.TABLE, ServerCatalogs.EXTENSION),
            pg("pg_description", 2609, Relation.TABLE, ServerCatalogs.DESCRIPTION),
            pg("pg_inherits", 2611, Relation.TABLE, EmptyCatalogs.INHERITS),
            pg("pg_policy", 3256, Relation.TABLE, EmptyCatalogs.POLICY),
            pg("pg_statistic_ext", 3381, Relation.TABLE, EmptyCatalogs.STATISTIC_EXT),
            pg("pg_publication", 6104, Relation.TABLE, EmptyCatalogs.PUBLICATION),
            pg("pg_publication_rel", 6106, Relation.TABLE, EmptyCatalogs.PUBLICATION_REL),
            pg("pg_publication_namespace", 6237, Relation.TABLE, EmptyCatalogs.PUBLICATION_NAMESPACE),
            pg("pg_trigger", 2620, Relation.TABLE, EmptyCatalogs.TRIGGER),
            pg("pg_rewrite", 2618, Relation.TABLE, EmptyCatalogs.REWRITE),
            pg("pg_stat_progress_create_index", 12312, Relation.VIEW, ProgressCatalogs.CREATE_INDEX),
            pg("pg_stat_activity", 12222, Relation.VIEW, ActivityCatalogs.STAT_ACTIVITY),
            pg("pg_stat_user_tables", 12161, Relation.VIEW, StatisticsViews.PG_STAT_USER_TABLES),
            pg("pg_stat_all_tables", 12142, Relation.VIEW, StatisticsViews.PG_STAT_ALL_TABLES),
            pg("pg_stats", 12053, Relation.VIEW, StatisticsViews.PG_STATS),
            info("schemata", 13382, InformationSchema.SCHEMATA),
            info("tables", 13425, InformationSchema.TABLES),
            info("columns", 13295, InformationSchema.COLUMNS));

    private SystemCatalogs() {
    }

    public static List<Definition> all() {
        return ALL;
    }

    /** The catalogs as pg_class rows. */
    static List<Relation> relations() {
        return ALL.stream().map(d -> new Relation(d.oid(), d.schema(), d.name(), d.kind(), null, 0)).toList();
    }

    /** The pg_catalog table of this name, or null. */
    public static SystemTable pgCatalogTable(String name) {
        for (Definition definition : ALL) {
            if (definition.schema().equals(PgCatalogSchema.NAME) && definition.name().equals(name)) {
                return definition.table();
            }
        }
        return null;
    }

    private static Definition pg(String name, long oid, char kind, SystemTable table) {
        return new Definition(PgCatalogSchema.NAME, name, oid, kind, table);
    }

    private static Definition info(String name, long oid, SystemTable table) {
        return new Definition(InformationSchema.NAME, name, oid, Relation.VIEW, table);
    }
}
