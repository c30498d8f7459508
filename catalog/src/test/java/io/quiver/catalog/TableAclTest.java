package io.quiver.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACL rules as PostgreSQL's aclupdate and aclnewowner apply them (checked against PostgreSQL 15). */
class TableAclTest {
    private static final long POSTGRES = 10;
    private static final long ALICE = 16384;
    private static final long BOB = 16385;

    @Test
    void grantsMakeTheDefaultExplicitAndRevokesDropEmptyEntries() {
        TableAcl acl = TableAcl.ownedBy(POSTGRES);
        assertThat(acl.items()).isNull();
        assertThat(acl.allows(POSTGRES, TablePrivilege.TRUNCATE)).isTrue();
        assertThat(acl.allows(ALICE, TablePrivilege.SELECT)).isFalse();

        acl = acl.changed(ALICE, EnumSet.of(TablePrivilege.SELECT, TablePrivilege.INSERT), true)
                .changed(AclItem.PUBLIC, EnumSet.of(TablePrivilege.UPDATE), true);
        assertThat(acl.items()).extracting(AclItem::grantee, AclItem::letters).containsExactly(
                tuple(POSTGRES, "arwdDxt"), tuple(ALICE, "ar"),
                tuple(AclItem.PUBLIC, "w"));
        assertThat(acl.allows(BOB, TablePrivilege.UPDATE)).isTrue();

        acl = acl.changed(ALICE, TablePrivilege.all(), false);
        assertThat(acl.items()).extracting(AclItem::grantee).containsExactly(POSTGRES, AclItem.PUBLIC);
        assertThat(TableAcl.decode(acl.encode())).isEqualTo(acl);
    }

    @Test
    void newOwnerTakesOverTheOldOwnersEntriesMergingDuplicates() {
        TableAcl acl = TableAcl.ownedBy(POSTGRES).changed(ALICE, EnumSet.of(TablePrivilege.SELECT), true)
                .changed(BOB, EnumSet.of(TablePrivilege.INSERT), true).withOwner(ALICE);
        assertThat(acl.owner()).isEqualTo(ALICE);
        assertThat(acl.items()).containsExactly(new AclItem(ALICE, ALICE, TablePrivilege.all()),
                new AclItem(BOB, ALICE, EnumSet.of(TablePrivilege.INSERT)));
        assertThat(TableAcl.ownedBy(POSTGRES).withOwner(BOB)).isEqualTo(new TableAcl(BOB, null));
        assertThat(List.of(TableAcl.decode(acl.encode()))).containsExactly(acl);
    }
}
