package io.quiver.sql.utility;

import io.quiver.sql.utility.grammar.PgUtilityLexer;
import io.quiver.sql.utility.grammar.PgUtilityParser;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses the statements Calcite does not: everything whose first word is not a query or DML keyword.
 * Errors are {@link io.quiver.common.error.QuiverException}s worded and positioned as PostgreSQL's; positions
 * count characters (code points) from 1 within the text given.
 */
public final class UtilityStatementParser {
    private static final Set<String> CALCITE_KEYWORDS =
            Set.of("select", "insert", "update", "delete", "values", "with", "explain", "table");

    private UtilityStatementParser() {
    }

    /**
     * @param sql one statement, without or with a trailing semicolon
     * @return empty if the statement is Calcite's to parse (it starts with SELECT, INSERT, UPDATE, DELETE, VALUES,
     *         WITH, EXPLAIN, TABLE or an opening parenthesis); otherwise the parsed statement, which is an
     *         {@link EmptyStatement} when there is nothing but whitespace and comments
     * @throws io.quiver.common.error.QuiverException a syntax error or a statement PostgreSQL rejects while parsing
     */
    public static Optional<UtilityStatement> tryParse(String sql) {
        CommonTokenStream tokens = tokenize(sql);
        Token first = tokens.LT(1);
        if (first.getType() == Token.EOF) {
            return Optional.of(new EmptyStatement());
        }
        if (first.getType() == PgUtilityLexer.LPAREN || isCalciteKeyword(first)) {
            return Optional.empty();
        }
        return Optional.of(new StatementBuilder().visit(parser(tokens).singleStatement()));
    }

    static TypeName parseTypeName(String text) {
        return TypeNameBuilder.build(parser(tokenize(text)).singleTypeName().typeName());
    }

    /** Quoted names and literals keep their quotes in the token text, so only bare words can match. */
    private static boolean isCalciteKeyword(Token token) {
        return CALCITE_KEYWORDS.contains(Words.foldCase(token.getText()));
    }

    private static CommonTokenStream tokenize(String text) {
        PgUtilityLexer lexer = new PgUtilityLexer(CharStreams.fromString(text));
        // ERROR_CHARACTER matches whatever no other rule does, so the lexer never reports an error itself.
        lexer.removeErrorListeners();
        return new CommonTokenStream(lexer);
    }

    private static PgUtilityParser parser(CommonTokenStream tokens) {
        PgUtilityParser parser = new PgUtilityParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(SyntaxErrors.INSTANCE);
        return parser;
    }
}
