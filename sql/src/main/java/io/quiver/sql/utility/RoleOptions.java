package io.quiver.sql.utility;

import java.util.Map;

/**
 * The options of CREATE ROLE or ALTER ROLE, each at most once; a null (or absent) entry was not given.
 *
 * @param flags the boolean attributes given, by their positive keyword ({@code login}, {@code superuser},
 *        {@code createdb}, {@code createrole}, {@code inherit}, {@code replication}, {@code bypassrls})
 * @param passwordGiven whether PASSWORD appeared; {@code password} is then the text, or null for PASSWORD NULL
 * @param connectionLimit CONNECTION LIMIT, or null
 * @param validUntil VALID UNTIL's text, or null
 */
public record RoleOptions(Map<String, Boolean> flags, boolean passwordGiven, String password,
                          Integer connectionLimit, String validUntil) {
    public RoleOptions {
        flags = Map.copyOf(flags);
    }
}
