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
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * Parses PostgreSQL's {@code expr::type}. The operator binds tighter than any other, so in
 * {@code a + b::integer} only {@code b} is cast. PostgreSQL's array suffix {@code type[]} is accepted here.
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
    type = DataType()
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
    final SqlIdentifier name;
    final List<Integer> modifiers = new ArrayList<Integer>();
    int modifier;
}
{
    name = CompoundIdentifier()
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
