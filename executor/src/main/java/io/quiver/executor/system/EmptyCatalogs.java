package io.quiver.executor.system;

/**
 * Catalogs of features Quiver does not have (inheritance, row security, extended statistics, logical
 * replication, triggers, rules): always empty, present so that client queries that read them find them.
 */
final class EmptyCatalogs {
    /** Role membership (GRANT role TO role), which Quiver does not have yet. */
    static final SystemTable AUTH_MEMBERS = SystemTable.alwaysEmpty(
            "oid:oid roleid:oid member:oid grantor:oid admin_option:bool");
    static final SystemTable INHERITS = SystemTable.alwaysEmpty(
            "inhrelid:oid inhparent:oid inhseqno:int4 inhdetachpending:bool");
    static final SystemTable POLICY = SystemTable.alwaysEmpty(
            "oid:oid polname:name polrelid:oid polcmd:char polpermissive:bool polroles:_oid polqual:text "
                    + "polwithcheck:text");
    static final SystemTable STATISTIC_EXT = SystemTable.alwaysEmpty(
            "oid:oid stxrelid:oid stxname:name stxnamespace:oid stxowner:oid stxstattarget:int4 "
                    + "stxkeys:int2vector stxkind:_char stxexprs:text");
    static final SystemTable PUBLICATION = SystemTable.alwaysEmpty(
            "oid:oid pubname:name pubowner:oid puballtables:bool pubinsert:bool pubupdate:bool pubdelete:bool "
                    + "pubtruncate:bool pubviaroot:bool");
    static final SystemTable PUBLICATION_REL = SystemTable.alwaysEmpty(
            "oid:oid prpubid:oid prrelid:oid prqual:text prattrs:int2vector");
    static final SystemTable PUBLICATION_NAMESPACE = SystemTable.alwaysEmpty("oid:oid pnpubid:oid pnnspid:oid");
    static final SystemTable TRIGGER = SystemTable.alwaysEmpty(
            "oid:oid tgrelid:oid tgparentid:oid tgname:name tgfoid:oid tgtype:int2 tgenabled:char "
                    + "tgisinternal:bool tgconstrrelid:oid tgconstrindid:oid tgconstraint:oid tgdeferrable:bool "
                    + "tginitdeferred:bool tgnargs:int2 tgattr:int2vector tgargs:bytea tgqual:text "
                    + "tgoldtable:name tgnewtable:name");
    static final SystemTable REWRITE = SystemTable.alwaysEmpty(
            "oid:oid rulename:name ev_class:oid ev_type:char ev_enabled:char is_instead:bool ev_qual:text "
                    + "ev_action:text");

    private EmptyCatalogs() {
    }
}
