package io.quiver.common.vector;

import static io.quiver.common.vector.PgErrors.assertPgError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected outputs and errors are what the reference server gave for {@code SELECT 'text'::vector}. */
class VectorTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2.5,3]|[1,2.5,3]", "'  [ 1 , 2 ]  '|[1,2]", "[+1.5,-0]|[1.5,-0]", "[.5,5.]|[0.5,5]",
        "[1e-50,1e-40]|[0,1e-40]", "[0x10,0x1p-2]|[16,0.25]", "[1E3, 0.1 ,-7e-6]|[1000,0.1,-7e-06]",
        "[123456789]|[1.2345679e+08]"})
    void parsesAndFormatsLikeVectorInAndOut(String text, String expected) {
        assertThat(VectorText.format(VectorText.parse(text))).isEqualTo(expected);
    }

    @Test
    void acceptsPostgresWhitespace() {
        assertThat(VectorText.parse(" \t\n\r\u000b\f[ 1,\t2\n]\f")).containsExactly(1f, 2f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1,2", "[1,,2]", "[1 2]", "[1,2,]", "[-]", "[1e]", "[1;2]", "[,1]"})
    void rejectsMalformedContents(String text) {
        assertPgError(() -> VectorText.parse(text), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type vector: \"" + text + "\"");
    }

    @Test
    void explainsAMissingOpeningBracketAndJunk() {
        assertPgError(() -> VectorText.parse("1,2]"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type vector: \"1,2]\"", "Vector contents must start with \"[\".");
        assertPgError(() -> VectorText.parse(""), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type vector: \"\"", "Vector contents must start with \"[\".");
        assertPgError(() -> VectorText.parse("[1,2]  ]"), SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type vector: \"[1,2]  ]\"", "Junk after closing right brace.");
    }

    @Test
    void rejectsEmptyNonFiniteAndOutOfRangeElements() {
        assertPgError(() -> VectorText.parse("[ ]"), SqlState.DATA_EXCEPTION, "vector must have at least 1 dimension");
        assertPgError(() -> VectorText.parse("[nan]"), SqlState.DATA_EXCEPTION, "NaN not allowed in vector");
        assertPgError(() -> VectorText.parse("[1,-Infinity]"), SqlState.DATA_EXCEPTION,
                "infinite value not allowed in vector");
        assertPgError(() -> VectorText.parse("[inf]"), SqlState.DATA_EXCEPTION, "infinite value not allowed in vector");
        assertPgError(() -> VectorText.parse("[-1e39,1]"), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"-1e39\" is out of range for type vector");
        assertPgError(() -> VectorText.parse("[1e39x]"), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"1e39\" is out of range for type vector");
    }

    @Test
    void limitsDimensions() {
        String max = "[" + "1,".repeat(VectorText.MAX_DIMENSIONS - 1) + "1]";
        assertThat(VectorText.parse(max)).hasSize(VectorText.MAX_DIMENSIONS);
        assertPgError(() -> VectorText.parse("[" + "1,".repeat(VectorText.MAX_DIMENSIONS) + "1]"),
                SqlState.PROGRAM_LIMIT_EXCEEDED, "vector cannot have more than 16000 dimensions");
    }

    @Test
    void checksTheDeclaredDimension() {
        assertThat(VectorText.parse("[1,2]", 2)).containsExactly(1f, 2f);
        assertPgError(() -> VectorText.parse("[1,2]", 3), SqlState.DATA_EXCEPTION, "expected 3 dimensions, not 2");
    }

    @Test
    void checksTypeModifiers() {
        VectorText.checkTypmod(1);
        VectorText.checkTypmod(16000);
        assertPgError(() -> VectorText.checkTypmod(0), SqlState.INVALID_PARAMETER_VALUE,
                "dimensions for type vector must be at least 1");
        assertPgError(() -> VectorText.checkTypmod(16001), SqlState.INVALID_PARAMETER_VALUE,
                "dimensions for type vector cannot exceed 16000");
        assertPgError(() -> VectorText.checkTypmods(new int[] {2, 3}), SqlState.INVALID_PARAMETER_VALUE,
                "invalid type modifier");
        assertThat(VectorText.checkTypmods(new int[] {3})).isEqualTo(3);
    }

    @Test
    void roundTripsRandomVectors() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            float[] v = new float[1 + random.nextInt(40)];
            for (int j = 0; j < v.length; j++) {
                v[j] = Float.intBitsToFloat(random.nextInt());
                if (!Float.isFinite(v[j])) {
                    v[j] = j;
                }
            }
            assertThat(VectorText.parse(VectorText.format(v))).containsExactly(v);
        }
    }

    /** The fast decimal path must give exactly Float.parseFloat's (correctly rounded) result. */
    @Test
    void parsesDecimalsExactlyAsFloatParseFloat() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 4) {
                case 0 -> Float.toString((float) random.nextDouble(-1, 1));
                case 1 -> Double.toString(random.nextDouble(-1e6, 1e6));
                case 2 -> random.nextLong(1, 1_000_000_000_000_000L) + "e" + random.nextInt(-40, 20);
                default -> "0." + "0".repeat(random.nextInt(0, 12)) + random.nextLong(1, 100_000_000_000L);
            };
            assertThat(VectorText.parse("[" + text + "]")[0]).as(text).isEqualTo(Float.parseFloat(text));
        }
    }

    @Test
    void roundsValuesHalfwayBetweenTwoFloatsLikeFloatParseFloat() {
        // 1 + 2^-24 is exactly halfway between 1 and the next float; these texts sit on and just off it.
        for (String text : new String[] {"1.000000059604644775390625", "1.00000005960464477539062",
                "1.0000000596046448", "16777217", "16777217.000000001", "33554435", "0.1", "3.4028235e38"}) {
            assertThat(VectorText.parse("[" + text + "]")[0]).as(text).isEqualTo(Float.parseFloat(text));
        }
    }
}
