package io.quiver.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.VectorOperators;
import io.quiver.sql.type.QuiverTypeNameSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuiverSqlParserTest {
    private static SqlCall expression(String expression) {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT " + expression + " FROM t");
        return (SqlCall) select.getSelectList().get(0);
    }

    @Test
    void distanceBindsTighterThanComparison() {
        SqlCall call = expression("a <-> b < 0.5");
        assertThat(call.getKind()).isEqualTo(SqlKind.LESS_THAN);
        assertThat(((SqlCall) call.operand(0)).getOperator()).isSameAs(VectorOperators.L2_DISTANCE);
    }

    @Test
    void distanceBindsLooserThanArithmetic() {
        SqlCall call = expression("x + y <-> z");
        assertThat(call.getOperator()).isSameAs(VectorOperators.L2_DISTANCE);
        assertThat(call.operand(0).getKind()).isEqualTo(SqlKind.PLUS);
    }

    @Test
    void eachDistanceOperatorParses() {
        assertThat(expression("a <#> b").getOperator()).isSameAs(VectorOperators.NEGATIVE_INNER_PRODUCT);
        assertThat(expression("a <=> b").getOperator()).isSameAs(VectorOperators.COSINE_DISTANCE);
        assertThat(expression("a <+> b").getOperator()).isSameAs(VectorOperators.L1_DISTANCE);
    }

    @Test
    void distanceBindsTighterThanBetween() {
        SqlCall call = expression("a <-> b BETWEEN 0 AND 1");
        assertThat(call.getKind()).isEqualTo(SqlKind.BETWEEN);
        assertThat(((SqlCall) call.operand(0)).getOperator()).isSameAs(VectorOperators.L2_DISTANCE);
    }

    @Test
    void infixCastAppliesToItsLastOperandOnly() {
        SqlCall call = expression("1 + 2::integer");
        assertThat(call.getKind()).isEqualTo(SqlKind.PLUS);
        assertThat(call.operand(1).getKind()).isEqualTo(SqlKind.CAST);
        assertThat(call.toString()).isEqualTo("1 + CAST(2 AS INTEGER)");
    }

    @Test
    void castLiteralIsADistanceOperand() {
        SqlCall call = expression("'[1,2]'::vector <=> '[3,4]'");
        assertThat(call.getOperator()).isSameAs(VectorOperators.COSINE_DISTANCE);
        SqlCall cast = call.operand(0);
        assertThat(cast.getKind()).isEqualTo(SqlKind.CAST);
        SqlDataTypeSpec type = cast.operand(1);
        assertThat(type.getTypeNameSpec()).isInstanceOf(QuiverTypeNameSpec.class);
        assertThat(type.getTypeNameSpec().getTypeName().getSimple()).isEqualTo("vector");
    }

    @Test
    void pgTypeNamesParse() {
        assertThat(expression("x::vector(3)").toString()).isEqualTo("CAST(`x` AS `vector`(3))");
        assertThat(expression("x::pg_catalog.text").toString()).isEqualTo("CAST(`x` AS `pg_catalog`.`text`)");
        assertThat(expression("x::real[]").toString()).isEqualTo("CAST(`x` AS REAL ARRAY)");
        assertThat(expression("x::float4[]").toString()).isEqualTo("CAST(`x` AS `float4` ARRAY)");
        assertThat(expression("x::double precision").toString()).isEqualTo("CAST(`x` AS DOUBLE)");
        assertThat(expression("x::numeric(10,2)").toString()).isEqualTo("CAST(`x` AS DECIMAL(10, 2))");
        assertThat(expression("x::int::text").toString()).isEqualTo("CAST(CAST(`x` AS INTEGER) AS `text`)");
    }

    @Test
    void positionalParametersAreNumberedFromTheirText() {
        SqlNode node = QuiverSqlParser.parse("SELECT * FROM t WHERE a = $2 OR b = $1 AND c = $2 LIMIT $3");
        assertThat(parameterIndexes(node)).containsExactly(1, 0, 1, 2);
    }

    @Test
    void questionMarksAreNumberedInOrder() {
        SqlNode node = QuiverSqlParser.parse("SELECT * FROM t ORDER BY embedding <-> ? LIMIT ?");
        assertThat(parameterIndexes(node)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void unquotedIdentifiersFoldToLowerCase() {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT Foo, \"Bar\" FROM MyTable");
        assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("foo");
        assertThat(((SqlIdentifier) select.getSelectList().get(1)).getSimple()).isEqualTo("Bar");
        assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("mytable");
    }

    @Test
    void stringLiteralsUnescapeDoubledQuotes() {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT 'it''s'");
        assertThat(select.getSelectList().get(0).toString()).isEqualTo("'it''s'");
    }

    @Test
    void syntaxErrorNamesTheOffendingToken() {
        assertThatThrownBy(() -> QuiverSqlParser.parse("SELECT * FROM t WHERE WHERE"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("syntax error at or near \"WHERE\"");
                    assertThat(e.position()).isEqualTo(23);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM", "SELECT 1 +", "SELECT 1 + ", "SELECT (1"})
    void syntaxErrorAtEndOfInput(String sql) {
        assertThatThrownBy(() -> QuiverSqlParser.parse(sql))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("syntax error at end of input");
                    assertThat(e.position()).isEqualTo(sql.length() + 1);
                });
    }

    @Test
    void parameterZeroDoesNotExist() {
        assertThatThrownBy(() -> QuiverSqlParser.parse("SELECT $0"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_PARAMETER));
    }

    private static List<Integer> parameterIndexes(SqlNode node) {
        List<Integer> indexes = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                indexes.add(param.getIndex());
                return null;
            }
        });
        return indexes;
    }
}
