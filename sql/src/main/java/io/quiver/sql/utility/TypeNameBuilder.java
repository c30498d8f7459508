package io.quiver.sql.utility;

import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.TypeName.SerialKind;
import io.quiver.sql.utility.grammar.PgUtilityLexer;
import io.quiver.sql.utility.grammar.PgUtilityParser.ColLabelContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.DateTimeTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.DoublePrecisionTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.FixedBitTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.FixedCharTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.FixedTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.FloatTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.GenericTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.NumericTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.SignedIntegerContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.SimpleTypeNameContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.TypeModifiersContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.TypeNameContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.VaryingBitTypeContext;
import io.quiver.sql.utility.grammar.PgUtilityParser.VaryingCharTypeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves PostgreSQL's type spellings (SQL-standard keywords, aliases, serials) to canonical type names. */
final class TypeNameBuilder {
    private static final Map<String, TypeName> SERIALS = Map.of(
            "smallserial", serial("int2", SerialKind.SMALLSERIAL),
            "serial2", serial("int2", SerialKind.SMALLSERIAL),
            "serial", serial("int4", SerialKind.SERIAL),
            "serial4", serial("int4", SerialKind.SERIAL),
            "bigserial", serial("int8", SerialKind.BIGSERIAL),
            "serial8", serial("int8", SerialKind.BIGSERIAL));

    /** Schemas whose built-in types need no qualification: Quiver has no user-defined types. */
    private static final List<String> BUILT_IN_SCHEMAS = List.of("pg_catalog", "public");

    private TypeNameBuilder() {
    }

    static TypeName build(TypeNameContext ctx) {
        TypeName base = simple(ctx.simpleTypeName());
        int dimensions = ctx.arrayBounds().ARRAY() != null ? 1 : ctx.arrayBounds().LBRACKET().size();
        if (dimensions > 0 && base.serial() != SerialKind.NONE) {
            throw SyntaxErrors.error(SqlState.FEATURE_NOT_SUPPORTED, "array of serial is not implemented",
                    ctx.getStart());
        }
        return new TypeName(base.name(), base.modifiers(), dimensions, base.serial());
    }

    private static TypeName simple(SimpleTypeNameContext ctx) {
        return switch (ctx) {
            case FixedTypeContext fixed -> TypeName.of(switch (fixed.kind.getType()) {
                case PgUtilityLexer.INT, PgUtilityLexer.INTEGER -> "int4";
                case PgUtilityLexer.SMALLINT -> "int2";
                case PgUtilityLexer.BIGINT -> "int8";
                case PgUtilityLexer.REAL -> "float4";
                case PgUtilityLexer.BOOLEAN -> "bool";
                default -> throw new IllegalStateException("unexpected type keyword " + fixed.kind.getText());
            });
            case DoublePrecisionTypeContext ignored -> TypeName.of("float8");
            case FloatTypeContext floatType -> floatType(floatType);
            case NumericTypeContext numeric -> modified("numeric", numeric.typeModifiers(), List.of());
            case FixedCharTypeContext fixedChar -> modified("bpchar", fixedChar.typeModifiers(), List.of(1));
            case VaryingCharTypeContext varyingChar -> modified("varchar", varyingChar.typeModifiers(), List.of());
            case FixedBitTypeContext fixedBit -> modified("bit", fixedBit.typeModifiers(), List.of(1));
            case VaryingBitTypeContext varyingBit -> modified("varbit", varyingBit.typeModifiers(), List.of());
            case DateTimeTypeContext dateTime -> modified(dateTimeName(dateTime), dateTime.typeModifiers(), List.of());
            case GenericTypeContext generic -> generic(generic);
            default -> throw new IllegalStateException("unexpected type rule " + ctx.getClass().getSimpleName());
        };
    }

    /** FLOAT(p) is float4 up to 24 bits of mantissa and float8 up to 53, as in PostgreSQL. */
    private static TypeName floatType(FloatTypeContext ctx) {
        if (ctx.precision == null) {
            return TypeName.of("float8");
        }
        int bits = integer(ctx.precision);
        if (bits < 1) {
            throw SyntaxErrors.error(SqlState.INVALID_PARAMETER_VALUE,
                    "precision for type float must be at least 1 bit", ctx.precision.getStart());
        }
        if (bits > 53) {
            throw SyntaxErrors.error(SqlState.INVALID_PARAMETER_VALUE,
                    "precision for type float must be less than 54 bits", ctx.precision.getStart());
        }
        return TypeName.of(bits <= 24 ? "float4" : "float8");
    }

    private static String dateTimeName(DateTimeTypeContext ctx) {
        boolean withZone = ctx.zone != null && ctx.zone.getType() == PgUtilityLexer.WITH;
        String name = ctx.kind.getType() == PgUtilityLexer.TIMESTAMP ? "timestamp" : "time";
        return withZone ? name + "tz" : name;
    }

    private static TypeName generic(GenericTypeContext ctx) {
        List<String> parts = new ArrayList<>();
        parts.add(Words.name(ctx.typeFunctionName()));
        for (ColLabelContext label : ctx.colLabel()) {
            parts.add(Words.name(label));
        }
        if (parts.size() > 1 && BUILT_IN_SCHEMAS.contains(parts.getFirst())) {
            parts.removeFirst();
        }
        String name = String.join(".", parts);
        TypeName serial = SERIALS.get(name);
        if (serial != null && ctx.typeModifiers() == null) {
            return serial;
        }
        return modified(name, ctx.typeModifiers(), List.of());
    }

    private static TypeName modified(String name, TypeModifiersContext modifiers, List<Integer> defaults) {
        if (modifiers == null) {
            return new TypeName(name, defaults, 0, SerialKind.NONE);
        }
        List<Integer> values = modifiers.signedInteger().stream().map(TypeNameBuilder::integer).toList();
        return new TypeName(name, values, 0, SerialKind.NONE);
    }

    private static int integer(SignedIntegerContext ctx) {
        try {
            return Integer.parseInt(ctx.getText());
        } catch (NumberFormatException tooLarge) {
            throw SyntaxErrors.error(SqlState.SYNTAX_ERROR,
                    "type modifiers must be simple constants or identifiers", ctx.getStart());
        }
    }

    private static TypeName serial(String name, SerialKind kind) {
        return new TypeName(name, List.of(), 0, kind);
    }
}
