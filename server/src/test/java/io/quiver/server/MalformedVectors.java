package io.quiver.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Vectors broken in one known way each, in text (pgvector's vector_in) and in binary (vector_recv), with the
 * SQLSTATE pgvector answers that flaw with: an oracle that does not come from Quiver's own parser.
 */
final class MalformedVectors {
    /** Elements that vector_in reads as they are. */
    private static final List<String> ELEMENTS = List.of("1", "-2.5", "0", "3e-2", " 4 ", "1e38", "-0", "+.5");

    private MalformedVectors() {
    }

    /** A literal given as {@code '...'}, or cast to {@code vector(declared)} when declared is positive. */
    record Literal(Flaw flaw, String text, int declared) {
        String type() {
            return declared > 0 ? "vector(" + declared + ")" : "vector";
        }

        String expression() {
            return "'" + text + "'" + (declared > 0 ? "::" + type() : "");
        }

        @Override
        public String toString() {
            return flaw + " " + flaw.sqlState + ": " + AbsurdVectors.abbreviated(expression());
        }
    }

    /** One way a literal is broken, and pgvector's SQLSTATE for it. */
    enum Flaw {
        NO_OPENING_BRACKET("22P02"),
        NO_CLOSING_BRACKET("22P02"),
        NO_ELEMENTS("22000"),
        EMPTY_ELEMENT("22P02"),
        NOT_A_NUMBER("22P02"),
        NO_COMMA("22P02"),
        JUNK_AFTER_BRACKET("22P02"),
        NAN("22000"),
        INFINITE("22000"),
        OUT_OF_FLOAT_RANGE("22003"),
        OVER_16000_DIMENSIONS("54000"),
        OTHER_DIMENSION_DECLARED("22000");

        final String sqlState;

        Flaw(String sqlState) {
            this.sqlState = sqlState;
        }
    }

    /** vector_send's bytes of {@code elements}, broken by {@code flaw} unless it is NONE. */
    record Binary(BinaryFlaw flaw, float[] elements, byte[] bytes) {
        @Override
        public String toString() {
            return flaw + " " + flaw.sqlState + ": " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
        }
    }

    /** One way vector_send's bytes are broken, and vector_recv's SQLSTATE for it (none for NONE). */
    enum BinaryFlaw {
        NONE(null),
        NO_DIMENSIONS("22000"),
        NEGATIVE_DIMENSIONS("22000"),
        OVER_16000_DIMENSIONS("54000"),
        UNUSED_NOT_ZERO("22000"),
        NAN("22000"),
        INFINITE("22000"),
        // Bind's parameter ends before the elements its header counts: pq_getmsgfloat4's protocol violation.
        MISSING_ELEMENTS("08P01"),
        // vector_recv did not consume the whole parameter, as PostgreSQL checks after any receive function.
        TRAILING_BYTES("22P03"),
        TRUNCATED_HEADER("08P01");

        final String sqlState;

        BinaryFlaw(String sqlState) {
            this.sqlState = sqlState;
        }
    }

    static Gen<Binary> binaries() {
        Gen<float[]> vectors = FiniteVectors.upTo(8);
        return in -> {
            BinaryFlaw flaw = Generate.enumValues(BinaryFlaw.class).generate(in);
            float[] v = vectors.generate(in);
            int at = Generate.range(0, v.length - 1).generate(in);
            ByteBuffer out = ByteBuffer.allocate(4 + Float.BYTES * v.length + 8);
            out.putShort((short) switch (flaw) {
                case NO_DIMENSIONS -> 0;
                case NEGATIVE_DIMENSIONS -> -Generate.range(1, -Short.MIN_VALUE).generate(in);
                case OVER_16000_DIMENSIONS -> Generate.range(16_001, Short.MAX_VALUE).generate(in);
                case MISSING_ELEMENTS -> v.length + Generate.range(1, 16_000 - v.length).generate(in);
                default -> v.length;
            });
            out.putShort((short) (flaw == BinaryFlaw.UNUSED_NOT_ZERO ? Generate.range(1, 0xffff).generate(in) : 0));
            for (int i = 0; i < v.length; i++) {
                out.putInt(i != at ? Float.floatToRawIntBits(v[i]) : switch (flaw) {
                    case NAN -> Generate.pick(List.of(0x7fc00000, 0x7f800001, 0xffffffff)).generate(in);
                    case INFINITE -> Generate.pick(List.of(0x7f800000, 0xff800000)).generate(in);
                    default -> Float.floatToRawIntBits(v[i]);
                });
            }
            if (flaw == BinaryFlaw.TRAILING_BYTES) {
                out.put(new byte[Generate.range(1, 8).generate(in)]);
            }
            int length = flaw == BinaryFlaw.TRUNCATED_HEADER ? Generate.range(0, 3).generate(in) : out.position();
            return new Binary(flaw, v, Arrays.copyOf(out.array(), length));
        };
    }

    static Gen<Literal> literals() {
        Gen<List<String>> elements = SourceDSL.lists().of(Generate.pick(ELEMENTS)).ofSizeBetween(1, 8);
        return in -> {
            Flaw flaw = Generate.enumValues(Flaw.class).generate(in);
            List<String> valid = elements.generate(in);
            int at = Generate.range(0, valid.size() - 1).generate(in);
            int declared = Generate.booleans().generate(in) ? valid.size() : -1;
            return switch (flaw) {
                case NO_OPENING_BRACKET -> new Literal(flaw, String.join(",", valid) + "]", declared);
                case NO_CLOSING_BRACKET -> new Literal(flaw, "[" + String.join(",", valid), declared);
                case NO_ELEMENTS -> new Literal(flaw, Generate.pick(List.of("[]", "[ ]", " [\t] ")).generate(in),
                        declared);
                case EMPTY_ELEMENT -> new Literal(flaw, vector(inserted(valid, at, "")), declared);
                case NOT_A_NUMBER -> new Literal(flaw, vector(replaced(valid, at,
                        Generate.pick(List.of("abc", "+-1", "1..5", "[1]", "--1", "e5", "1,")).generate(in))),
                        declared);
                case NO_COMMA -> new Literal(flaw, "[1" + Generate.pick(List.of(" ", ";", "|")).generate(in)
                        + String.join(",", valid) + "]", declared);
                case JUNK_AFTER_BRACKET -> new Literal(flaw, vector(valid)
                        + Generate.pick(List.of("x", ",", "]", " 1", "[1]")).generate(in), declared);
                case NAN -> new Literal(flaw, vector(replaced(valid, at,
                        Generate.pick(List.of("NaN", "nan", "-NaN")).generate(in))), declared);
                case INFINITE -> new Literal(flaw, vector(replaced(valid, at,
                        Generate.pick(List.of("Infinity", "-inf", "INF", "-Infinity")).generate(in))), declared);
                case OUT_OF_FLOAT_RANGE -> new Literal(flaw, vector(replaced(valid, at,
                        Generate.pick(List.of("1e39", "-3.5e38", "1e99999")).generate(in))), declared);
                case OVER_16000_DIMENSIONS -> new Literal(flaw, "[" + "1,".repeat(16_000) + "1]", -1);
                case OTHER_DIMENSION_DECLARED -> new Literal(flaw, vector(valid), Generate.pick(List.of(
                        valid.size() + 1, valid.size() > 1 ? valid.size() - 1 : 9, 16_000)).generate(in));
            };
        };
    }

    private static String vector(List<String> elements) {
        return "[" + String.join(",", elements) + "]";
    }

    private static List<String> inserted(List<String> elements, int at, String element) {
        List<String> copy = new ArrayList<>(elements);
        copy.add(at, element);
        return copy;
    }

    private static List<String> replaced(List<String> elements, int at, String element) {
        List<String> copy = new ArrayList<>(elements);
        copy.set(at, element);
        return copy;
    }
}
