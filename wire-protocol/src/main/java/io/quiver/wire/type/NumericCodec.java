package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * numeric: plain decimal text keeping the value's scale ({@code 1.50}); binary as PostgreSQL's base-10000
 * digit groups (ndigits, weight, sign, dscale, digits).
 */
final class NumericCodec implements TypeCodec {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final BigInteger GROUP = BigInteger.valueOf(10_000);
    private static final int DIGITS_PER_GROUP = 4;
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;

    @Override
    public String encodeText(Object value) {
        return ((BigDecimal) value).toPlainString();
    }

    @Override
    public Object decodeText(String text) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw InvalidInput.syntax("numeric", text);
        }
        BigDecimal parsed = new BigDecimal(trimmed);
        return parsed.scale() < 0 ? parsed.setScale(0) : parsed;
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        BigDecimal decimal = (BigDecimal) value;
        int displayScale = Math.max(decimal.scale(), 0);
        int fractionGroups = (displayScale + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP;
        BigInteger unscaled = decimal.abs().setScale(fractionGroups * DIGITS_PER_GROUP).unscaledValue();
        Deque<Integer> groups = new ArrayDeque<>();
        while (unscaled.signum() > 0) {
            BigInteger[] quotientAndGroup = unscaled.divideAndRemainder(GROUP);
            groups.addFirst(quotientAndGroup[1].intValue());
            unscaled = quotientAndGroup[0];
        }
        int weight = groups.size() - 1 - fractionGroups;
        while (!groups.isEmpty() && groups.peekLast() == 0) {
            groups.removeLast();
        }
        out.writeShort(groups.size());
        out.writeShort(groups.isEmpty() ? 0 : weight);
        out.writeShort(decimal.signum() < 0 ? NEGATIVE : POSITIVE);
        out.writeShort(displayScale);
        groups.forEach(out::writeShort);
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        int groupCount = in.readUnsignedShort();
        int weight = in.readShort();
        int sign = in.readUnsignedShort();
        int displayScale = in.readUnsignedShort();
        if (sign != POSITIVE && sign != NEGATIVE) {
            throw new IllegalArgumentException("numeric NaN and infinities have no BigDecimal value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < groupCount; i++) {
            unscaled = unscaled.multiply(GROUP).add(BigInteger.valueOf(in.readUnsignedShort()));
        }
        int lastGroupWeight = weight - groupCount + 1;
        BigDecimal magnitude = new BigDecimal(unscaled, -lastGroupWeight * DIGITS_PER_GROUP)
                .setScale(displayScale, RoundingMode.DOWN);
        return sign == NEGATIVE ? magnitude.negate() : magnitude;
    }
}
