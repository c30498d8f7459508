package io.quiver.catalog;

import io.quiver.common.type.PgType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The key of an expression index, as pgvector users write them for binary quantization and half precision:
 * {@code ((binary_quantize(embedding)::bit(1024)) bit_hamming_ops)}. A tree of column reads, constants and
 * calls of the engine's functions, each call named by the method implementing it. Columns are named by
 * storage slot, so that renaming or dropping other columns changes nothing.
 */
public sealed interface IndexExpression {
    /** A column's value. */
    record Column(int slot) implements IndexExpression {
    }

    /** An integer or boolean argument, such as the type modifier of a cast. */
    record Constant(Object value) implements IndexExpression {
        public Constant {
            if (!(value instanceof Integer) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("not an integer or boolean: " + value);
            }
        }
    }

    /**
     * @param function the implementing method, {@code SimpleClassName.method}
     * @param name the SQL function it prints as (unused for a cast)
     * @param type the type of its result
     * @param cast whether it is a cast to {@code type}: it prints as {@code argument::type}, and its arguments
     *        after the first are the type's modifiers
     */
    record Call(String function, String name, SqlType type, boolean cast, List<IndexExpression> arguments)
            implements IndexExpression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** Whether it reads the column in {@code slot}. */
    default boolean reads(int slot) {
        return switch (this) {
            case Column column -> column.slot() == slot;
            case Constant constant -> false;
            case Call call -> call.arguments().stream().anyMatch(argument -> argument.reads(slot));
        };
    }

    /**
     * The expression as pg_get_indexdef prints it, with each column named by {@code columnName}: pretty,
     * {@code binary_quantize(e)::bit(3)}; otherwise every cast's argument parenthesised,
     * {@code (binary_quantize(e))::bit(3)}.
     */
    default String sql(IntFunction<String> columnName, boolean pretty) {
        return switch (this) {
            case Column column -> columnName.apply(column.slot());
            case Constant constant -> constant.value().toString();
            case Call call when call.cast() -> {
                String argument = call.arguments().get(0).sql(columnName, pretty);
                yield (pretty ? argument : "(" + argument + ")") + "::" + call.type().displayName();
            }
            case Call call -> call.name() + "(" + call.arguments().stream()
                    .map(argument -> argument.sql(columnName, pretty)).collect(Collectors.joining(", ")) + ")";
        };
    }

    /**
     * PostgreSQL's FigureColname, which names an index's expression column and the index itself: a column's
     * name, a function's, or for a cast its argument's ({@code expr} for a constant).
     */
    default String figureName(IntFunction<String> columnName) {
        return switch (this) {
            case Column column -> columnName.apply(column.slot());
            case Call call when call.cast() -> call.arguments().get(0).figureName(columnName);
            case Call call -> call.name();
            case Constant constant -> "expr";
        };
    }

    /** Writes the tree for {@link #read}. */
    default void write(DataOutputStream out) throws IOException {
        switch (this) {
            case Column column -> {
                out.writeByte(Tag.COLUMN);
                out.writeInt(column.slot());
            }
            case Constant constant when constant.value() instanceof Integer value -> {
                out.writeByte(Tag.INTEGER);
                out.writeInt(value);
            }
            case Constant constant -> {
                out.writeByte(Tag.BOOLEAN);
                out.writeBoolean((Boolean) constant.value());
            }
            case Call call -> {
                out.writeByte(Tag.CALL);
                out.writeUTF(call.function());
                out.writeUTF(call.name());
                out.writeInt(call.type().type().oid());
                out.writeInt(call.type().typmod());
                out.writeBoolean(call.cast());
                out.writeInt(call.arguments().size());
                for (IndexExpression argument : call.arguments()) {
                    argument.write(out);
                }
            }
        }
    }

    static IndexExpression read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case Tag.COLUMN -> new Column(in.readInt());
            case Tag.INTEGER -> new Constant(in.readInt());
            case Tag.BOOLEAN -> new Constant(in.readBoolean());
            case Tag.CALL -> {
                String function = in.readUTF();
                String name = in.readUTF();
                SqlType type = new SqlType(PgType.byOid(in.readInt()), in.readInt());
                boolean cast = in.readBoolean();
                int count = in.readInt();
                List<IndexExpression> arguments = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    arguments.add(read(in));
                }
                yield new Call(function, name, type, cast, arguments);
            }
            default -> throw new IOException("unknown index expression node " + tag);
        };
    }

    /** The node kinds in the written form. */
    final class Tag {
        static final byte COLUMN = 0;
        static final byte INTEGER = 1;
        static final byte BOOLEAN = 2;
        static final byte CALL = 3;

        private Tag() {
        }
    }
}
