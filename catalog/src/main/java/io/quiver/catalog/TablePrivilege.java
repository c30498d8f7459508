package io.quiver.catalog;

import java.util.EnumSet;
import java.util.Set;

/** A privilege on a table, with the letter PostgreSQL 15's aclitem text gives it, in aclitem's order. */
public enum TablePrivilege {
    INSERT('a'), SELECT('r'), UPDATE('w'), DELETE('d'), TRUNCATE('D'), REFERENCES('x'), TRIGGER('t');

    private final char letter;

    TablePrivilege(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** ALL [PRIVILEGES] on a table. */
    public static Set<TablePrivilege> all() {
        return EnumSet.allOf(TablePrivilege.class);
    }

    public static TablePrivilege ofLetter(char letter) {
        for (TablePrivilege p : values()) {
            if (p.letter == letter) {
                return p;
            }
        }
        throw new IllegalArgumentException("no table privilege " + letter);
    }
}
