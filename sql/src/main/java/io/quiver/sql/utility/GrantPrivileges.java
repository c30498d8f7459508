package io.quiver.sql.utility;

import java.util.List;
import java.util.Set;

/**
 * {@code GRANT privileges ON [TABLE] t, ... TO grantee, ...} or, with {@code grant} false, the matching
 * {@code REVOKE ... FROM}. The tables are {@code tables}, or every table of {@code schemas} for
 * {@code ON ALL TABLES IN SCHEMA}.
 *
 * @param privileges lower-case table privilege names; empty means ALL [PRIVILEGES]
 */
public record GrantPrivileges(boolean grant, Set<String> privileges, List<QualifiedName> tables,
                              List<String> schemas, List<RoleSpec> grantees) implements UtilityStatement {
    public GrantPrivileges {
        privileges = Set.copyOf(privileges);
        tables = List.copyOf(tables);
        schemas = List.copyOf(schemas);
        grantees = List.copyOf(grantees);
    }
}
