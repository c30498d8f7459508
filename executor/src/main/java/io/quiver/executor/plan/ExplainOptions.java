package io.quiver.executor.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's EXPLAIN prefix: {@code EXPLAIN [ANALYZE] [VERBOSE] statement} or
 * {@code EXPLAIN (option [value], ...) statement}. Calcite's grammar spells EXPLAIN differently, so the prefix
 * is taken off here and the statement planned on its own.
 *
 * @param analyze whether to run the statement and report what it did
 * @param statement the statement to explain
 * @param offset where the statement starts in the original text
 */
record ExplainOptions(boolean analyze, String statement, int offset) {
    private static final Pattern PREFIX = Pattern.compile(
            "(?is)^\\s*explain\\s+(?:\\(([^)]*)\\)\\s*|((?:(?:analy[sz]e|verbose)\\s+)*))");

    static Optional<ExplainOptions> parse(String sql) {
        Matcher matcher = PREFIX.matcher(sql);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        boolean analyze;
        if (matcher.group(1) != null) {
            analyze = false;
            for (String option : matcher.group(1).split(",")) {
                String[] words = option.trim().toLowerCase(Locale.ROOT).split("\\s+");
                if (words[0].equals("analyze") || words[0].equals("analyse")) {
                    analyze = words.length == 1 || !(words[1].equals("false") || words[1].equals("off")
                            || words[1].equals("0"));
                }
            }
        } else {
            analyze = matcher.group(2) != null && matcher.group(2).toLowerCase(Locale.ROOT).contains("analy");
        }
        return Optional.of(new ExplainOptions(analyze, sql.substring(matcher.end()), matcher.end()));
    }
}
