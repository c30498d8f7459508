package io.quiver.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's owner and access control list (pg_class.relowner and relacl). A null {@code items} is
 * PostgreSQL's NULL relacl: the owner holds every privilege and nobody else any, until the first GRANT or REVOKE
 * makes the list explicit.
 */
public record TableAcl(long owner, List<AclItem> items) {
    public TableAcl {
        items = items == null ? null : List.copyOf(items);
    }

    /** A new table's: owned by its creator, default privileges. */
    public static TableAcl ownedBy(long owner) {
        return new TableAcl(owner, null);
    }

    /** The list in force: the explicit one, or the owner's default. */
    public List<AclItem> effectiveItems() {
        return items != null ? items : List.of(new AclItem(owner, owner, TablePrivilege.all()));
    }

    /** Whether {@code role} (or PUBLIC) holds {@code privilege}; superusers are checked by the caller. */
    public boolean allows(long role, TablePrivilege privilege) {
        return effectiveItems().stream().anyMatch(item -> (item.grantee() == role || item.grantee() == AclItem.PUBLIC)
                && item.privileges().contains(privilege));
    }

    /** The list after GRANT ({@code add}) or REVOKE of {@code privileges} to or from {@code grantee} by the owner. */
    public TableAcl changed(long grantee, Set<TablePrivilege> privileges, boolean add) {
        List<AclItem> changed = new ArrayList<>();
        boolean found = false;
        for (AclItem item : effectiveItems()) {
            if (item.grantee() == grantee && item.grantor() == owner) {
                found = true;
                Set<TablePrivilege> now = item.privileges().isEmpty()
                        ? EnumSet.noneOf(TablePrivilege.class) : EnumSet.copyOf(item.privileges());
                if (add) {
                    now.addAll(privileges);
                } else {
                    now.removeAll(privileges);
                }
                if (!now.isEmpty()) {
                    changed.add(new AclItem(grantee, owner, now));
                }
            } else {
                changed.add(item);
            }
        }
        if (!found && add) {
            changed.add(new AclItem(grantee, owner, privileges));
        }
        return new TableAcl(owner, changed);
    }

    /**
     * ALTER TABLE ... OWNER TO: as PostgreSQL's aclnewowner, the old owner's entries (as grantee and grantor)
     * become the new owner's.
     */
    public TableAcl withOwner(long newOwner) {
        if (items == null) {
            return ownedBy(newOwner);
        }
        // Entries that now name the same grantee and grantor merge into one, where the first of them stood.
        Map<List<Long>, Set<TablePrivilege>> moved = new LinkedHashMap<>();
        for (AclItem item : items) {
            List<Long> key = List.of(item.grantee() == owner ? newOwner : item.grantee(),
                    item.grantor() == owner ? newOwner : item.grantor());
            moved.computeIfAbsent(key, k -> EnumSet.noneOf(TablePrivilege.class)).addAll(item.privileges());
        }
        return new TableAcl(newOwner, moved.entrySet().stream()
                .map(e -> new AclItem(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList());
    }

    String encode() {
        StringBuilder text = new StringBuilder().append(owner);
        if (items != null) {
            text.append('\n');
            items.forEach(item -> text.append(item.grantee()).append(' ').append(item.grantor()).append(' ')
                    .append(item.letters()).append(';'));
        }
        return text.toString();
    }

    static TableAcl decode(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return ownedBy(Long.parseLong(text));
        }
        List<AclItem> items = new ArrayList<>();
        for (String entry : text.substring(newline + 1).split(";")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(" ", -1);
            Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
            parts[2].chars().forEach(c -> privileges.add(TablePrivilege.ofLetter((char) c)));
            items.add(new AclItem(Long.parseLong(parts[0]), Long.parseLong(parts[1]), privileges));
        }
        return new TableAcl(Long.parseLong(text.substring(0, newline)), items);
    }
}
