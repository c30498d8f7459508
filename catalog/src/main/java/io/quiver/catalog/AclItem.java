package io.quiver.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of a table's access control list: what {@code grantee} (0 for PUBLIC) was granted by
 * {@code grantor}.
 */
public record AclItem(long grantee, long grantor, Set<TablePrivilege> privileges) {
    public static final long PUBLIC = 0;

    public AclItem {
        privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    /** The privileges as aclitem letters in PostgreSQL's order ({@code arwdDxt}). */
    public String letters() {
        StringBuilder text = new StringBuilder();
        for (TablePrivilege p : TablePrivilege.values()) {
            if (privileges.contains(p)) {
                text.append(p.letter());
            }
        }
        return text.toString();
    }
}
