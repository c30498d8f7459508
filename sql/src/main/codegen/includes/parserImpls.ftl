<#--
  Quiver's additions to Calcite's Parser.jj. The productions below are hooked into Expression2's operator
  loop, so their operators take part in Calcite's precedence climbing like any built-in binary operator.
-->

/** Parses a pgvector distance operator and its right operand: {@code <->}, {@code <#>}, {@code <=>}, {@code <+>}. */
void VectorDistanceExpression(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <L2_DISTANCE_OP> { op = VectorOperators.L2_DISTANCE; }
    |
        <NEGATIVE_INNER_PRODUCT_OP> { op = VectorOperators.NEGATIVE_INNER_PRODUCT; }
    |
        <COSINE_DISTANCE_OP> { op = VectorOperators.COSINE_DISTANCE; }
    |
        <L1_DISTANCE_OP> { op = VectorOperators.L1_DISTANCE; }
    |
        <HAMMING_DISTANCE_OP> { op = VectorOperators.HAMMING_DISTANCE; }
    |
        <JACCARD_DISTANCE_OP> { op = VectorOperators.JACCARD_DISTANCE; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * Parses PostgreSQL's {@code expr::type}. The operator binds tighter than any other, so in
 * {@code a + b::integer} only {@code b} is cast. PostgreSQL's array suffix {@code type[]} is accepted here, and
 * {@code interval}, which is a reserved word in Calcite's grammar.
 */
void InfixCastExpression(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec type;
    final Span castSpan;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        castSpan = span();
    }
    (
        <INTERVAL> { type = new SqlDataTypeSpec(PgIntervalLiterals.typeName(getPos()), getPos()); }
    |
        type = DataType()
    )
    (
        LOOKAHEAD(2) <LBRACKET> <RBRACKET> {
            type = new SqlDataTypeSpec(
                new SqlCollectionTypeNameSpec(type.getTypeNameSpec(), SqlTypeName.ARRAY, getPos()),
                castSpan.end(this));
        }
    )*
    {
        list.add(new SqlParserUtil.ToTreeListItem(PgCastOperator.INSTANCE, castSpan.pos()));
        list.add(type);
    }
}

/**
 * Parses a type named by an identifier, optionally schema-qualified and with type modifiers, such as
 * {@code text}, {@code pg_catalog.int4}, {@code vector(3)} or {@code float4}; QuiverTypeNameSpec resolves it.
 */
SqlTypeNameSpec PgNamedType() :
{
    SqlIdentifier name;
    final List<Integer> modifiers = new ArrayList<Integer>();
    int modifier;
}
{
    name = CompoundIdentifier()
    [
        LOOKAHEAD({ getToken(1).kind == VARYING && name.isSimple() && name.getSimple().equalsIgnoreCase("bit") })
        <VARYING> { name = new SqlIdentifier("varbit", name.getParserPosition()); }
    ]
    [
        <LPAREN>
        modifier = UnsignedIntLiteral() { modifiers.add(modifier); }
        (
            <COMMA> modifier = UnsignedIntLiteral() { modifiers.add(modifier); }
        )*
        <RPAREN>
    ]
    {
        return new io.quiver.sql.type.QuiverTypeNameSpec(name, modifiers, name.getParserPosition());
    }
}

/**
 * Parses PostgreSQL's schema-qualified operator syntax and its right operand, as psql writes
 * {@code c.relname OPERATOR(pg_catalog.~) '^(items)$'}. The operator means what its unqualified symbol means.
 */
void QualifiedOperatorExpression(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlIdentifier schema = null;
    final SqlOperator op;
}
{
    <OPERATOR> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    <LPAREN>
    [ LOOKAHEAD(2) schema = SimpleIdentifier() <DOT> ]
    op = OperatorSymbol()
    <RPAREN>
    {
        list.add(new SqlParserUtil.ToTreeListItem(PgOperatorNames.qualified(schema, op), s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** The binary operator an operator symbol inside OPERATOR(...) names. */
SqlOperator OperatorSymbol() :
{
    SqlOperator op;
}
{
    (
        <TILDE> { op = SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE; }
        [ <STAR> { op = SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE; } ]
    |
        <NEGATE> <TILDE> { op = SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE; }
        [ <STAR> { op = SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE; } ]
    |
        <EQ> { op = SqlStdOperatorTable.EQUALS; }
    |
        <NE> { op = SqlStdOperatorTable.NOT_EQUALS; }
    |
        <NE2> { op = SqlStdOperatorTable.NOT_EQUALS; }
    |
        <LT> { op = SqlStdOperatorTable.LESS_THAN; }
    |
        <LE> { op = SqlStdOperatorTable.LESS_THAN_OR_EQUAL; }
    |
        <GT> { op = SqlStdOperatorTable.GREATER_THAN; }
    |
        <GE> { op = SqlStdOperatorTable.GREATER_THAN_OR_EQUAL; }
    |
        <PLUS> { op = SqlStdOperatorTable.PLUS; }
    |
        <MINUS> { op = SqlStdOperatorTable.MINUS; }
    |
        <STAR> { op = SqlStdOperatorTable.MULTIPLY; }
    |
        <SLASH> { op = SqlStdOperatorTable.DIVIDE; }
    |
        <PERCENT_REMAINDER> { op = SqlStdOperatorTable.PERCENT_REMAINDER; }
    |
        <CONCAT> { op = SqlStdOperatorTable.CONCAT; }
    |
        <L2_DISTANCE_OP> { op = VectorOperators.L2_DISTANCE; }
    |
        <NEGATIVE_INNER_PRODUCT_OP> { op = VectorOperators.NEGATIVE_INNER_PRODUCT; }
    |
        <COSINE_DISTANCE_OP> { op = VectorOperators.COSINE_DISTANCE; }
    |
        <L1_DISTANCE_OP> { op = VectorOperators.L1_DISTANCE; }
    )
    { return op; }
}

/**
 * Parses {@code COLLATE name} after an operand and drops it: Quiver compares text by code point, which is what
 * the collations it accepts ("default", "C", "POSIX") mean. Any other collation is rejected.
 */
void IgnoredCollateClause(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlIdentifier schema = null;
    final String collation;
}
{
    <COLLATE>
    [ LOOKAHEAD(2) schema = SimpleIdentifier() <DOT> ]
    (
        // "default" is a reserved word, but still a collation's name.
        <DEFAULT_> { collation = "default"; }
    |
        collation = Identifier()
    )
    {
        PgOperatorNames.checkCollation(schema, collation);
    }
}

/**
 * Parses the session values PostgreSQL spells as keywords, as calls of the pg_catalog functions computing
 * them: {@code current_user}, {@code session_user}, {@code current_catalog}, and {@code current_schema} with or
 * without parentheses.
 */
SqlNode PgSessionFunctionCall() :
{
    final String name;
}
{
    (
        <CURRENT_USER> { name = "current_user"; }
    |
        <SESSION_USER> { name = "session_user"; }
    |
        <CURRENT_CATALOG> { name = "current_catalog"; }
    |
        <CURRENT_SCHEMA> { name = "current_schema"; }
        [ LOOKAHEAD(2) <LPAREN> <RPAREN> ]
    )
    {
        return PgCatalogCalls.call(name, getPos());
    }
}

/**
 * Parses PostgreSQL's {@code interval '1 day'}, {@code interval '2 hours 30 minutes'}: the text in PostgreSQL's
 * interval syntax with no qualifier. With a qualifier ({@code INTERVAL '1' DAY}) it is Calcite's literal.
 */
/** PostgreSQL's bit string constant {@code B'1010'}: a cast of its digits to {@code bit(4)}. */
SqlNode PgBitStringLiteral() :
{
}
{
    <PG_BIT_STRING> {
        return io.quiver.sql.type.BitStringLiterals.literal(token.image, getPos());
    }
}

SqlNode PgIntervalLiteral() :
{
    final Span s;
    final String text;
    SqlIntervalQualifier qualifier = null;
}
{
    <PG_INTERVAL_STRING> {
        s = span();
        text = PgIntervalLiterals.quotedText(token.image);
    }
    [ qualifier = IntervalQualifier() ]
    {
        return qualifier == null
            ? PgIntervalLiterals.literal(text, s.end(this))
            : SqlParserUtil.parseIntervalLiteral(s.end(qualifier), 1, text, qualifier);
    }
}
