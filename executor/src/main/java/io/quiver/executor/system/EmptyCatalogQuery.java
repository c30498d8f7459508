package io.quiver.executor.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A documented fallback for the few client queries whose SQL Quiver's planner does not take but whose answer
 * is known: psql's \d reads row-security policies, extended statistics, publications and inheritance with
 * array subqueries, set-returning functions and reg* casts. Those catalogs are always empty in Quiver, so a
 * SELECT in which every UNION branch joins one of them as an inner operand returns no rows, whatever else
 * it says.
 *
 * <p>Only that case is recognised, conservatively: a branch with an aggregate or HAVING at its top level (one
 * row even over no input), a RIGHT or FULL join, or an empty catalog only outer-joined does not qualify, and
 * neither does a statement with INTERSECT or EXCEPT. The caller uses this only after planning failed.
 */
public final class EmptyCatalogQuery {
    static final Set<String> ALWAYS_EMPTY = Set.of("pg_inherits", "pg_policy", "pg_statistic_ext",
            "pg_publication", "pg_publication_rel", "pg_publication_namespace", "pg_trigger", "pg_rewrite");
    static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg", "string_agg",
            "array_agg", "bool_and", "bool_or", "every", "json_agg", "jsonb_agg");
    private static final Set<String> FROM_END = Set.of("where", "group", "having", "order", "limit", "offset",
            "window", "for", ";");
    private static final String UNNAMED = "?column?";
    private static final Set<String> KEYWORD_VALUES = Set.of("null", "true", "false");

    private EmptyCatalogQuery() {
    }

    /** The result column names of {@code sql} if it certainly returns no rows because of an empty catalog. */
    public static Optional<List<String>> columnsIfAlwaysEmpty(String sql) {
        List<String> tokens = SqlTokens.of(sql);
        List<List<String>> branches = splitTopLevel(tokens, Set.of("union"));
        if (branches.isEmpty() || containsTopLevel(tokens, Set.of("intersect", "except"))) {
            return Optional.empty();
        }
        for (List<String> branch : branches) {
            if (!isCertainlyEmpty(stripParentheses(branch))) {
                return Optional.empty();
            }
        }
        return Optional.of(columnNames(stripParentheses(branches.get(0))));
    }

    private static boolean isCertainlyEmpty(List<String> branch) {
        if (branch.isEmpty() || !branch.get(0).equals("select")) {
            return false;
        }
        int from = indexOfTopLevel(branch, Set.of("from"), 0);
        if (from < 0 || containsTopLevel(branch, Set.of("having"))
                || hasTopLevelAggregate(branch.subList(1, from))) {
            return false;
        }
        int end = indexOfTopLevel(branch, FROM_END, from + 1);
        List<String> fromClause = branch.subList(from + 1, end < 0 ? branch.size() : end);
        if (containsTopLevel(fromClause, Set.of("right", "full"))) {
            return false;
        }
        if (names(fromClause, 0)) {
            return true;
        }
        int depth = 0;
        for (int i = 0; i < fromClause.size(); i++) {
            String token = fromClause.get(i);
            depth += depthChange(token);
            boolean innerJoin = token.equals("join") && i > 0 && !fromClause.get(i - 1).equals("left")
                    && !fromClause.get(i - 1).equals("outer");
            if (depth == 0 && (token.equals(",") || innerJoin) && names(fromClause, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the relation named at {@code start} of a FROM clause is an always-empty catalog. */
    private static boolean names(List<String> fromClause, int start) {
        if (start >= fromClause.size()) {
            return false;
        }
        String name = fromClause.get(start);
        if (name.equals(PgCatalogSchema.NAME) && start + 2 < fromClause.size()
                && fromClause.get(start + 1).equals(".")) {
            name = fromClause.get(start + 2);
        } else if (start + 1 < fromClause.size() && fromClause.get(start + 1).equals(".")) {
            return false;
        }
        return ALWAYS_EMPTY.contains(name);
    }

    private static boolean hasTopLevelAggregate(List<String> selectList) {
        int depth = 0;
        for (int i = 0; i + 1 < selectList.size(); i++) {
            depth += depthChange(selectList.get(i));
            if (depth == 0 && AGGREGATES.contains(selectList.get(i)) && selectList.get(i + 1).equals("(")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> columnNames(List<String> branch) {
        int from = indexOfTopLevel(branch, Set.of("from"), 0);
        List<String> names = new ArrayList<>();
        for (List<String> item : splitTopLevel(branch.subList(1, from), Set.of(","))) {
            names.add(columnName(item));
        }
        return names;
    }

    /** The name PostgreSQL gives a select-list item: its alias, or the name of its column or function. */
    private static String columnName(List<String> selectItem) {
        int size = selectItem.size();
        if (size >= 2 && selectItem.get(size - 2).equals("as")) {
            return unquote(selectItem.get(size - 1));
        }
        // A cast is named after what it casts.
        int cast = indexOfTopLevel(selectItem, Set.of(":"), 0);
        List<String> item = cast > 0 ? selectItem.subList(0, cast) : selectItem;
        size = item.size();
        if (item.get(0).equals("case")) {
            return "case";
        }
        if (KEYWORD_VALUES.contains(item.get(0))) {
            return UNNAMED;
        }
        int last = 0;
        while (last + 2 < size && item.get(last + 1).equals(".")) {
            last += 2;
        }
        boolean call = last + 1 < size && item.get(last + 1).equals("(");
        boolean word = Character.isLetter(item.get(last).charAt(0)) || item.get(last).startsWith(SqlTokens.QUOTED);
        return word && (last + 1 == size || call) ? unquote(item.get(last)) : UNNAMED;
    }

    private static String unquote(String token) {
        return token.startsWith(SqlTokens.QUOTED) ? token.substring(1) : token;
    }

    private static List<String> stripParentheses(List<String> branch) {
        List<String> stripped = branch;
        while (stripped.size() >= 2 && stripped.get(0).equals("(") && stripped.get(stripped.size() - 1).equals(")")) {
            stripped = stripped.subList(1, stripped.size() - 1);
        }
        return stripped;
    }

    private static List<List<String>> splitTopLevel(List<String> tokens, Set<String> separators) {
        List<List<String>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += depthChange(tokens.get(i));
            if (depth == 0 && separators.contains(tokens.get(i))) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
                if (i + 1 < tokens.size() && tokens.get(i + 1).equals("all")) {
                    start++;
                }
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    private static boolean containsTopLevel(List<String> tokens, Set<String> words) {
        return indexOfTopLevel(tokens, words, 0) >= 0;
    }

    private static int indexOfTopLevel(List<String> tokens, Set<String> words, int from) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += depthChange(tokens.get(i));
            if (i >= from && depth == 0 && words.contains(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int depthChange(String token) {
        return switch (token) {
            case "(" -> 1;
            case ")" -> -1;
            default -> 0;
        };
    }
}
