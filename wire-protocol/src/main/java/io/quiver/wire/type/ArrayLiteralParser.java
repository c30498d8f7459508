package io.quiver.wire.type;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/** Reads array_in's text form ({@code {1,"a b",NULL,{2,3}}}) into nested {@code Object[]}. */
final class ArrayLiteralParser {
    private final String text;
    private final TypeCodec elementCodec;
    private int pos;

    ArrayLiteralParser(String text, TypeCodec elementCodec) {
        this.text = text;
        this.elementCodec = elementCodec;
    }

    /** The characters array_in treats as white space (array_isspace). */
    static boolean isArraySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    Object[] parse() {
        skipSpace();
        if (peek() != '{') {
            throw malformed("Array value must start with \"{\" or dimension information.");
        }
        Object[] array = parseList();
        skipSpace();
        if (pos < text.length()) {
            throw malformed("Junk after closing right brace.");
        }
        return array;
    }

    private Object[] parseList() {
        pos++; // the opening brace
        List<Object> elements = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return elements.toArray();
        }
        while (true) {
            skipSpace();
            elements.add(peek() == '{' ? parseList() : parseElement());
            skipSpace();
            char separator = next();
            if (separator == '}') {
                return elements.toArray();
            }
            if (separator != ',') {
                throw malformed(String.format("Unexpected \"%c\" character.", separator));
            }
        }
    }

    private Object parseElement() {
        StringBuilder element = new StringBuilder();
        boolean literal = false;
        int trailingSpaceStart = -1;
        while (true) {
            char c = peek();
            if (c == ',' || c == '}') {
                break;
            }
            pos++;
            if (c == '"') {
                literal = true;
                readQuoted(element);
                trailingSpaceStart = -1;
            } else if (c == '\\') {
                literal = true;
                element.append(next());
                trailingSpaceStart = -1;
            } else if (c == '{') {
                throw malformed("Unexpected \"{\" character.");
            } else {
                if (isArraySpace(c) && trailingSpaceStart < 0) {
                    trailingSpaceStart = element.length();
                } else if (!isArraySpace(c)) {
                    trailingSpaceStart = -1;
                }
                element.append(c);
            }
        }
        if (trailingSpaceStart >= 0) {
            element.setLength(trailingSpaceStart);
        }
        String value = element.toString();
        return !literal && value.equalsIgnoreCase("NULL") ? null : elementCodec.decodeText(value);
    }

    private void readQuoted(StringBuilder element) {
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            element.append(c == '\\' ? next() : c);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && isArraySpace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed("Unexpected end of input.");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private QuiverException malformed(String detail) {
        return new QuiverException(SqlState.INVALID_TEXT_REPRESENTATION,
                String.format("malformed array literal: \"%s\"", text), detail, null, 0, null);
    }
}
