package io.quiver.server;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Absurd vector literals and declared dimensions for the hostile-input tests. Written once over {@link Choices}
 * so that HostileInputTest's seeded {@link java.util.Random} and VectorLiteralPropertyTest's QuickTheories
 * generators draw the same shapes (QuickTheories shrinks a failing case by shrinking its choices).
 */
final class AbsurdVectors {
    private static final String[] ATOMS = {"1", "-0", "1e39", "-1e39", "NaN", "Infinity", "1e-50", "0x10", "", " ",
        "[", "]", ",", "1.5.5", "99999999999999999999999999999999999999999"};

    /** A source of random choices. */
    @FunctionalInterface
    interface Choices {
        /** A number from 0 to {@code bound - 1}. */
        int below(int bound);
    }

    /** {@code '<literal>'::vector(<declared>)}. */
    record Cast(String literal, int declared) {
        String sql() {
            return "'" + literal + "'::vector(" + declared + ")";
        }

        @Override
        public String toString() {
            return abbreviated(sql());
        }
    }

    private AbsurdVectors() {
    }

    /** A long case's start and end, for a failure report. */
    static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 100) + "..." + text.substring(text.length() - 100) : text;
    }

    /** A soup of numbers, non-numbers and punctuation, mostly between brackets: a valid vector only by chance. */
    static String soup(Choices choices) {
        StringBuilder text = new StringBuilder(choices.below(5) == 0 ? "" : "[");
        int count = choices.below(12);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : choices.below(8) == 0 ? ";" : ",").append(ATOMS[choices.below(ATOMS.length)]);
        }
        return text.append(choices.below(5) == 0 ? "" : "]").toString();
    }

    /** A literal of up to 20,000 ones cast to a dimension from -5 to 39,994: mostly the wrong one. */
    static Cast longCast(Choices choices) {
        return new Cast("[" + "1,".repeat(choices.below(20_000)) + "1]", choices.below(40_000) - 5);
    }

    /** Soups cast to a small or an absurd dimension, and long casts. */
    static Gen<Cast> casts() {
        Gen<Integer> dimensions = Generate.frequency(Pair.of(2, Generate.range(1, 12)),
                Pair.of(1, Generate.pick(List.of(-1, 0, 16_000, 16_001, Integer.MAX_VALUE))));
        Gen<Cast> soups = in -> new Cast(soup(choicesOf(in)), dimensions.generate(in));
        Gen<Cast> longCasts = in -> longCast(choicesOf(in));
        return Generate.frequency(Pair.of(3, soups), Pair.of(1, longCasts));
    }

    private static Choices choicesOf(RandomnessSource in) {
        return bound -> Generate.range(0, bound - 1).generate(in);
    }
}
