package io.quiver.sql.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.TypeName.SerialKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypeNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "int | int4", "INTEGER | int4", "int4 | int4", "bigint | int8", "int8 | int8", "smallint | int2",
            "int2 | int2", "real | float4", "float4 | float4", "double precision | float8", "float8 | float8",
            "float | float8", "float(24) | float4", "float(25) | float8", "float(1) | float4", "float(53) | float8",
            "numeric | numeric", "decimal | numeric", "dec | numeric", "text | text", "varchar | varchar",
            "character varying | varchar", "char varying | varchar", "boolean | bool", "bool | bool",
            "timestamp | timestamp", "timestamp without time zone | timestamp", "timestamptz | timestamptz",
            "timestamp with time zone | timestamptz", "time | time", "time with time zone | timetz",
            "date | date", "bytea | bytea", "vector | vector", "Vector | vector", "jsonb | jsonb",
            "public.vector | vector", "pg_catalog.int4 | int4", "PG_CATALOG.Float8 | float8",
            "other.thing | other.thing", "\"MyType\" | MyType"})
    void unmodifiedSpellings(String written, String canonical) {
        assertThat(TypeName.parse(written)).isEqualTo(TypeName.of(canonical));
    }

    @ParameterizedTest(name = "{0} -> {1}{2}")
    @CsvSource(delimiter = '|', value = {
            "numeric(10) | numeric | 10", "numeric(10, 2) | numeric | 10,2", "decimal(5,1) | numeric | 5,1",
            "varchar(20) | varchar | 20", "character varying(20) | varchar | 20", "char(3) | bpchar | 3",
            "character(3) | bpchar | 3", "char | bpchar | 1", "character | bpchar | 1", "bit(8) | bit | 8",
            "bit | bit | 1", "bit varying(8) | varbit | 8", "vector(1536) | vector | 1536",
            "halfvec(3) | halfvec | 3", "sparsevec(1000) | sparsevec | 1000", "public.vector(3) | vector | 3",
            "timestamp(3) | timestamp | 3", "timestamp(6) with time zone | timestamptz | 6"})
    void modifiedSpellings(String written, String canonical, String modifiers) {
        List<Integer> expected = java.util.Arrays.stream(modifiers.split(",")).map(Integer::valueOf).toList();
        assertThat(TypeName.parse(written)).isEqualTo(new TypeName(canonical, expected, 0, SerialKind.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "serial | int4 | SERIAL", "serial4 | int4 | SERIAL", "bigserial | int8 | BIGSERIAL",
            "serial8 | int8 | BIGSERIAL", "smallserial | int2 | SMALLSERIAL", "serial2 | int2 | SMALLSERIAL",
            "SERIAL | int4 | SERIAL"})
    void serials(String written, String canonical, SerialKind kind) {
        assertThat(TypeName.parse(written)).isEqualTo(new TypeName(canonical, List.of(), 0, kind));
    }

    @Test
    void arrays() {
        assertThat(TypeName.parse("int[]")).isEqualTo(new TypeName("int4", List.of(), 1, SerialKind.NONE));
        assertThat(TypeName.parse("text[][]").arrayDimensions()).isEqualTo(2);
        assertThat(TypeName.parse("float8[3]")).isEqualTo(new TypeName("float8", List.of(), 1, SerialKind.NONE));
        assertThat(TypeName.parse("varchar(5)[]")).isEqualTo(new TypeName("varchar", List.of(5), 1, SerialKind.NONE));
        assertThat(TypeName.parse("double precision array")).isEqualTo(new TypeName("float8", List.of(), 1, SerialKind.NONE));
        assertThat(TypeName.parse("vector(3)[]").isArray()).isTrue();
    }

    @Test
    void floatPrecisionOutOfRange() {
        QuiverException tooSmall = catchThrowableOfType(QuiverException.class, () -> TypeName.parse("float(0)"));
        assertThat(tooSmall.state()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(tooSmall.getMessage()).isEqualTo("precision for type float must be at least 1 bit");
        assertThat(tooSmall.position()).isEqualTo(7);
        QuiverException tooLarge = catchThrowableOfType(QuiverException.class, () -> TypeName.parse("float(54)"));
        assertThat(tooLarge.getMessage()).isEqualTo("precision for type float must be less than 54 bits");
    }

    @Test
    void arrayOfSerialIsNotImplemented() {
        QuiverException error = catchThrowableOfType(QuiverException.class, () -> TypeName.parse("serial[]"));
        assertThat(error.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(error.getMessage()).isEqualTo("array of serial is not implemented");
    }

    @Test
    void syntaxErrorsArePositionedInTheTypeText() {
        QuiverException error = catchThrowableOfType(QuiverException.class, () -> TypeName.parse("varchar(10"));
        assertThat(error.state()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(error.getMessage()).isEqualTo("syntax error at end of input");
        assertThat(error.position()).isEqualTo(11);
        QuiverException trailing = catchThrowableOfType(QuiverException.class, () -> TypeName.parse("int int"));
        assertThat(trailing.getMessage()).isEqualTo("syntax error at or near \"int\"");
        assertThat(trailing.position()).isEqualTo(5);
    }
}
