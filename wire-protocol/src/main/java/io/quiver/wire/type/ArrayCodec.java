package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Arrays of any element type, carried as (possibly nested) {@code Object[]}: text as {@code {1,2,NULL}} with
 * array_out's quoting, binary as array_send's header (ndim, has-nulls, element OID, dimensions with lower
 * bound 1) followed by length-prefixed elements.
 */
final class ArrayCodec implements TypeCodec {
    private final PgType elementType;
    private final TypeCodec elementCodec;

    ArrayCodec(PgType elementType, TypeCodec elementCodec) {
        this.elementType = elementType;
        this.elementCodec = elementCodec;
    }

    @Override
    public String encodeText(Object value) {
        StringBuilder out = new StringBuilder();
        appendText((Object[]) value, out);
        return out.toString();
    }

    private void appendText(Object[] array, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < array.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object element = array[i];
            if (element == null) {
                out.append("NULL");
            } else if (element instanceof Object[] nested) {
                appendText(nested, out);
            } else {
                appendQuotedIfNeeded(elementCodec.encodeText(element), out);
            }
        }
        out.append('}');
    }

    private static void appendQuotedIfNeeded(String element, StringBuilder out) {
        if (!needsQuotes(element)) {
            out.append(element);
            return;
        }
        out.append('"');
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String element) {
        if (element.isEmpty() || element.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if ("{}\",\\".indexOf(c) >= 0 || ArrayLiteralParser.isArraySpace(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object decodeText(String text) {
        return new ArrayLiteralParser(text, elementCodec).parse();
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        List<Integer> dimensions = dimensionsOf((Object[]) value);
        List<Object> elements = new ArrayList<>();
        flatten((Object[]) value, elements);
        out.writeInt(dimensions.size());
        out.writeInt(elements.contains(null) ? 1 : 0);
        out.writeInt(elementType.oid());
        for (int size : dimensions) {
            out.writeInt(size);
            out.writeInt(1);
        }
        for (Object element : elements) {
            if (element == null) {
                out.writeInt(-1);
            } else {
                int lengthIndex = out.writerIndex();
                out.writeInt(0);
                elementCodec.encodeBinary(element, out);
                out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
            }
        }
    }

    private static List<Integer> dimensionsOf(Object[] array) {
        List<Integer> dimensions = new ArrayList<>();
        Object level = array;
        while (level instanceof Object[] items && items.length > 0) {
            dimensions.add(items.length);
            level = items[0];
        }
        return dimensions;
    }

    private static void flatten(Object[] array, List<Object> out) {
        for (Object element : array) {
            if (element instanceof Object[] nested) {
                flatten(nested, out);
            } else {
                out.add(element);
            }
        }
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        int dimensionCount = in.readInt();
        in.readInt(); // the has-nulls flag: the lengths below say which elements are null
        in.readInt(); // the element OID: the statement's parameter type already fixed it
        int[] dimensions = new int[dimensionCount];
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = in.readInt();
            in.readInt(); // lower bound: Java arrays start at 0 whatever it says
        }
        List<Object> elements = new ArrayList<>();
        int total = dimensionCount == 0 ? 0 : 1;
        for (int size : dimensions) {
            total = Math.multiplyExact(total, size);
        }
        for (int i = 0; i < total; i++) {
            int length = in.readInt();
            elements.add(length < 0 ? null : decodeElement(in.readSlice(length)));
        }
        return dimensionCount == 0 ? new Object[0] : nest(dimensions, 0, elements.iterator());
    }

    private Object decodeElement(ByteBuf slice) {
        Object element = elementCodec.decodeBinary(slice);
        if (slice.isReadable()) {
            throw new IllegalArgumentException("array element longer than its type");
        }
        return element;
    }

    private static Object[] nest(int[] dimensions, int depth, Iterator<Object> elements) {
        Object[] level = new Object[dimensions[depth]];
        for (int i = 0; i < level.length; i++) {
            level[i] = depth + 1 == dimensions.length ? elements.next() : nest(dimensions, depth + 1, elements);
        }
        return level;
    }
}
