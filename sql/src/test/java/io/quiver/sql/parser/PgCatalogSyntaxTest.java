package io.quiver.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.sql.function.VectorOperators;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/** The PostgreSQL syntax psql and pgjdbc use in their catalog queries. */
class PgCatalogSyntaxTest {
    private static SqlCall expression(String expression) {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT " + expression + " FROM t");
        return (SqlCall) select.getSelectList().get(0);
    }

    private static void assertPgCatalogCall(SqlCall call, String name) {
        assertThat(call.getOperator()).isInstanceOf(SqlUnresolvedFunction.class);
        assertThat(((SqlUnresolvedFunction) call.getOperator()).getSqlIdentifier().names)
                .isEqualTo(List.of("pg_catalog", name));
    }

    @Test
    void regexOperatorsParse() {
        assertThat(expression("a ~ 'x'").getOperator()).isSameAs(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE);
        assertThat(expression("a ~* 'x'").getOperator()).isSameAs(SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE);
        assertThat(expression("a !~ 'x'").getOperator())
                .isSameAs(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE);
        assertThat(expression("a !~* 'x'").getOperator())
                .isSameAs(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE);
        assertThat(expression("a != 1").getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    }

    @Test
    void qualifiedOperatorMeansItsSymbol() {
        assertThat(expression("c.relname OPERATOR(pg_catalog.~) '^(items)$'").getOperator())
                .isSameAs(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE);
        assertThat(expression("a OPERATOR(pg_catalog.=) b").getKind()).isEqualTo(SqlKind.EQUALS);
        assertThat(expression("a OPERATOR(public.<->) b").getOperator()).isSameAs(VectorOperators.L2_DISTANCE);
    }

    @Test
    void qualifiedOperatorInAnotherSchemaDoesNotExist() {
        assertThatThrownBy(() -> expression("a OPERATOR(public.=) b"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_FUNCTION));
    }

    @Test
    void operatorStaysUsableAsAColumnName() {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT operator FROM t");
        assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("operator");
    }

    @Test
    void codePointCollationsAreAcceptedAndIgnored() {
        assertThat(expression("a ~ 'x' COLLATE pg_catalog.default").getOperator())
                .isSameAs(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE);
        assertThat(expression("a COLLATE \"C\" < b").getKind()).isEqualTo(SqlKind.LESS_THAN);
    }

    @Test
    void otherCollationsDoNotExist() {
        assertThatThrownBy(() -> expression("a COLLATE \"de_DE\" < b"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_OBJECT));
    }

    @Test
    void sessionKeywordsCallPgCatalogFunctions() {
        assertPgCatalogCall(expression("current_user"), "current_user");
        assertPgCatalogCall(expression("session_user"), "session_user");
        assertPgCatalogCall(expression("current_catalog"), "current_catalog");
        assertPgCatalogCall(expression("current_schema"), "current_schema");
        assertPgCatalogCall(expression("current_schema()"), "current_schema");
    }

    @Test
    void regTypeCastsCallPgCatalogFunctions() {
        SqlCall fromText = expression("'pg_catalog.pg_extension'::pg_catalog.regclass");
        assertPgCatalogCall(fromText, "regclass");
        assertThat(fromText.<SqlNode>operand(0)).isInstanceOf(SqlCharStringLiteral.class);
        assertPgCatalogCall(expression("c.oid::regclass"), "regclass");
        assertPgCatalogCall(expression("CAST(t.oid AS regtype)"), "regtype");
        assertPgCatalogCall(expression("'x'::regnamespace"), "regnamespace");
        assertPgCatalogCall(expression("'array_in'::regproc"), "regproc");
        SqlCall castToText = expression("c.oid::pg_catalog.regclass::pg_catalog.text");
        assertThat(castToText.getKind()).isEqualTo(SqlKind.CAST);
        assertPgCatalogCall(castToText.operand(0), "regclass");
    }

    @Test
    void resultAndCardinalityAreNames() {
        // pgjdbc's getPrimaryKeys and getIndexInfo; cardinality(...) stays a function.
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse(
                "SELECT result.cardinality, cardinality(result.a) FROM (SELECT 1 AS cardinality) result");
        assertThat(((SqlIdentifier) select.getSelectList().get(0)).names).containsExactly("result", "cardinality");
        assertThat(((SqlCall) select.getSelectList().get(1)).getOperator().getName()).isEqualToIgnoringCase(
                "cardinality");
    }

    @Test
    void escapeStringsUnescape() {
        SqlSelect select = (SqlSelect) QuiverSqlParser.parse("SELECT E'a\\nb' FROM t");
        assertThat(((SqlCharStringLiteral) select.getSelectList().get(0)).toValue()).isEqualTo("a\nb");
    }

    @Test
    void arrayPredicatesAndSubscriptsParse() {
        assertThat(expression("a = ANY(b)").getKind()).isEqualTo(SqlKind.SOME);
        assertThat(expression("a <> ALL(b)").getKind()).isEqualTo(SqlKind.ALL);
        assertThat(expression("(current_schemas(true))[1]").getKind()).isEqualTo(SqlKind.ITEM);
        assertThat(expression("array(SELECT 1)").getKind()).isEqualTo(SqlKind.ARRAY_QUERY_CONSTRUCTOR);
    }
}
