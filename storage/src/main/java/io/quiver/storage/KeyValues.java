package io.quiver.storage;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Key values roughly as PostgreSQL's output functions print them, for the 23505 detail. */
final class KeyValues {
    private KeyValues() {
    }

    static String describe(Object[] values) {
        return Arrays.stream(values).map(v -> v == null ? "NULL" : describe(v)).collect(Collectors.joining(", "));
    }

    private static String describe(Object value) {
        return switch (value) {
            case Boolean b -> b ? "t" : "f";
            case byte[] bytes -> "\\x" + HexFormat.of().formatHex(bytes);
            case float[] vector -> Arrays.toString(vector).replace(" ", "");
            case Object[] array -> "{" + describe(array).replace(" ", "") + "}";
            default -> value.toString();
        };
    }
}
