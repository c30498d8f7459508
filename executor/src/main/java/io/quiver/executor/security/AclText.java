package io.quiver.executor.security;

import io.quiver.catalog.AclItem;
import io.quiver.catalog.CatalogState;
import io.quiver.catalog.RoleDefinition;
import io.quiver.catalog.TableAcl;
import io.quiver.catalog.TablePrivilege;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A table's ACL as PostgreSQL writes aclitems ({@code alice=r/postgres}, {@code =aw/postgres} for PUBLIC). */
public final class AclText {
    private AclText() {
    }

    /** pg_class.relacl: null while the table was never granted on, as in PostgreSQL. */
    public static String[] relacl(CatalogState catalog, TableAcl acl) {
        if (acl.items() == null) {
            return null;
        }
        return acl.items().stream().map(item -> roleName(catalog, item.grantee()) + "=" + item.letters() + "/"
                + roleName(catalog, item.grantor())).toArray(String[]::new);
    }

    private static String roleName(CatalogState catalog, long oid) {
        if (oid == AclItem.PUBLIC) {
            return "";
        }
        RoleDefinition role = catalog.roleByOid(oid);
        String name = role != null ? role.name() : Long.toString(oid);
        // As aclitemout's putid: a name with anything but letters, digits and underscores is double-quoted.
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? name
                : '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * has_table_privilege's privilege text: one or more of SELECT, INSERT ... separated by commas, each possibly
     * followed by WITH GRANT OPTION, case-insensitive.
     */
    public static Set<TablePrivilege> privileges(String text) {
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.endsWith(" WITH GRANT OPTION")) {
                name = name.substring(0, name.length() - " WITH GRANT OPTION".length()).strip();
            }
            try {
                privileges.add(TablePrivilege.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized privilege type: \"%s\"",
                        part.strip());
            }
        }
        return privileges;
    }
}
