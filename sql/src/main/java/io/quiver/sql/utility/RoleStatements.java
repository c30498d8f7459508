package io.quiver.sql.utility;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.grammar.PgUtilityParser.ConnectionLimitOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.FlagOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.GranteeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.InheritOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.PasswordOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.PrivilegeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.PrivilegesContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RoleNameContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RoleOptionContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.RoleSpecContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.ValidUntilOptionContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the parts of role and privilege statements: role names, role options, privilege lists. */
final class RoleStatements {
    /** The attribute words of CREATE/ALTER ROLE, each with the flag it sets and the value it sets it to. */
    private static final Map<String, Map.Entry<String, Boolean>> FLAG_WORDS = flagWords();
    private static final Set<String> TABLE_PRIVILEGES =
            Set.of("select", "insert", "update", "delete", "truncate", "references", "trigger");
    private static final Set<String> OTHER_PRIVILEGES =
            Set.of("usage", "create", "connect", "temporary", "temp", "execute", "set", "alter system");
    private static final Set<String> RESERVED_ROLE_NAMES = Set.of("public", "none");

    private RoleStatements() {
    }

    private static Map<String, Map.Entry<String, Boolean>> flagWords() {
        Map<String, Map.Entry<String, Boolean>> words = new HashMap<>();
        for (String flag : List.of("superuser", "createdb", "createrole", "inherit", "login", "replication",
                "bypassrls")) {
            words.put(flag, Map.entry(flag, true));
            words.put("no" + flag, Map.entry(flag, false));
        }
        return Map.copyOf(words);
    }

    /** A new role's name: PostgreSQL's grammar reserves {@code public} and {@code none}. */
    static String newRoleName(RoleNameContext ctx) {
        String name = Words.name(ctx);
        if (RESERVED_ROLE_NAMES.contains(name) && ctx.getStart().getText().charAt(0) != '"') {
            throw SyntaxErrors.error(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved", ctx.getStart());
        }
        return name;
    }

    static RoleSpec roleSpec(RoleSpecContext ctx) {
        if (ctx.CURRENT_USER() != null) {
            return new RoleSpec(RoleSpec.Kind.CURRENT_USER, null);
        }
        if (ctx.SESSION_USER() != null) {
            return new RoleSpec(RoleSpec.Kind.SESSION_USER, null);
        }
        if (ctx.CURRENT_ROLE() != null) {
            return new RoleSpec(RoleSpec.Kind.CURRENT_ROLE, null);
        }
        return RoleSpec.named(Words.name(ctx.nonReservedWord()));
    }

    static RoleSpec grantee(GranteeContext ctx) {
        RoleSpec role = roleSpec(ctx.roleSpec());
        boolean unquoted = ctx.roleSpec().getStart().getText().charAt(0) != '"';
        return unquoted && "public".equals(role.name()) ? new RoleSpec(RoleSpec.Kind.PUBLIC, null) : role;
    }

    static RoleOptions options(List<RoleOptionContext> options) {
        Map<String, Boolean> flags = new HashMap<>();
        boolean passwordGiven = false;
        String password = null;
        Integer connectionLimit = null;
        String validUntil = null;
        for (RoleOptionContext option : options) {
            switch (option) {
                case PasswordOptionContext p -> {
                    requireOnce(passwordGiven, option);
                    passwordGiven = true;
                    password = p.string() == null ? null : Words.string(p.string());
                }
                case ValidUntilOptionContext v -> {
                    requireOnce(validUntil != null, option);
                    validUntil = Words.string(v.string());
                }
                case ConnectionLimitOptionContext c -> {
                    requireOnce(connectionLimit != null, option);
                    connectionLimit = Integer.parseInt(c.signedInteger().getText());
                }
                case InheritOptionContext i -> {
                    requireOnce(flags.containsKey("inherit"), option);
                    flags.put("inherit", true);
                }
                case FlagOptionContext f -> {
                    String word = Words.foldCase(f.IDENT().getText());
                    Map.Entry<String, Boolean> flag = FLAG_WORDS.get(word);
                    if (flag == null) {
                        throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "unrecognized role option \"" + word + "\"",
                                f.getStart());
                    }
                    requireOnce(flags.containsKey(flag.getKey()), option);
                    flags.put(flag.getKey(), flag.getValue());
                }
                default -> throw new IllegalStateException("unknown role option " + option.getText());
            }
        }
        return new RoleOptions(flags, passwordGiven, password, connectionLimit, validUntil);
    }

    private static void requireOnce(boolean alreadyGiven, RoleOptionContext option) {
        if (alreadyGiven) {
            throw SyntaxErrors.error(SqlState.SYNTAX_ERROR, "conflicting or redundant options", option.getStart());
        }
    }

    /** The privilege names, lower case; empty for ALL [PRIVILEGES]. */
    static Set<String> privileges(PrivilegesContext ctx) {
        Set<String> names = new LinkedHashSet<>();
        if (ctx.ALL() != null) {
            return names;
        }
        for (PrivilegeContext privilege : ctx.privilege()) {
            String name = Words.foldCase(privilege.getText());
            if (OTHER_PRIVILEGES.contains(name)) {
                throw QuiverException.of(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type %s for table",
                        name.toUpperCase(java.util.Locale.ROOT));
            }
            if (!TABLE_PRIVILEGES.contains(name)) {
                throw QuiverException.of(SqlState.SYNTAX_ERROR, "unrecognized privilege type \"%s\"", name);
            }
            names.add(name);
        }
        return names;
    }
}
