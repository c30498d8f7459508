/*
 * The tokens of PostgreSQL's scanner that Quiver's utility statements need. Keywords are case-insensitive;
 * everything the parser keeps as raw text (operators, unknown characters) is still tokenized, so that raw text
 * spans whole tokens and errors name the offending token as PostgreSQL does.
 */
lexer grammar PgUtilityLexer;

options { caseInsensitive = true; }

tokens { UNTERMINATED_BLOCK_COMMENT, UNTERMINATED_DOLLAR_STRING }

@members {
    /* Nested comments and dollar quotes need a counter and a back-reference, which lexer rules cannot express,
       so their rules match the opening and these methods consume the rest of the token. */

    private void consumeBlockComment() {
        setChannel(HIDDEN);
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == EOF) {
                setType(UNTERMINATED_BLOCK_COMMENT);
                setChannel(DEFAULT_TOKEN_CHANNEL);
                return;
            }
            _input.consume();
            if (c == '*' && _input.LA(1) == '/') {
                _input.consume();
                depth--;
            } else if (c == '/' && _input.LA(1) == '*') {
                _input.consume();
                depth++;
            }
        }
    }

    private void consumeDollarQuotedBody() {
        String tag = getText();
        StringBuilder body = new StringBuilder();
        while (true) {
            int c = _input.LA(1);
            if (c == EOF) {
                setType(UNTERMINATED_DOLLAR_STRING);
                return;
            }
            _input.consume();
            body.appendCodePoint(c);
            if (c == '$' && body.length() >= tag.length()
                    && body.lastIndexOf(tag) == body.length() - tag.length()) {
                return;
            }
        }
    }
}

// ---- keywords --------------------------------------------------------------------------------------------

ABORT : 'abort' ;
ADD : 'add' ;
ALL : 'all' ;
ALTER : 'alter' ;
ALWAYS : 'always' ;
ANALYSE : 'analyse' ;
ANALYZE : 'analyze' ;
AND : 'and' ;
ANY : 'any' ;
ARRAY : 'array' ;
AS : 'as' ;
ASC : 'asc' ;
ASYMMETRIC : 'asymmetric' ;
BACKUP : 'backup' ;
BEGIN : 'begin' ;
BIGINT : 'bigint' ;
BIT : 'bit' ;
BOOLEAN : 'boolean' ;
BOTH : 'both' ;
BY : 'by' ;
CASCADE : 'cascade' ;
CASE : 'case' ;
CAST : 'cast' ;
CHAR : 'char' ;
CHARACTER : 'character' ;
CHARACTERISTICS : 'characteristics' ;
CHECK : 'check' ;
CHECKPOINT : 'checkpoint' ;
COLLATE : 'collate' ;
COLUMN : 'column' ;
COMMENT : 'comment' ;
COMMIT : 'commit' ;
COMMITTED : 'committed' ;
CONCURRENTLY : 'concurrently' ;
CONNECTION : 'connection' ;
CONSTRAINT : 'constraint' ;
CONTINUE : 'continue' ;
CREATE : 'create' ;
CURRENT_CATALOG : 'current_catalog' ;
CURRENT_DATE : 'current_date' ;
CURRENT_ROLE : 'current_role' ;
CURRENT_TIME : 'current_time' ;
CURRENT_TIMESTAMP : 'current_timestamp' ;
CURRENT_USER : 'current_user' ;
DEALLOCATE : 'deallocate' ;
DEC : 'dec' ;
DECIMAL : 'decimal' ;
DEFAULT : 'default' ;
DEFERRABLE : 'deferrable' ;
DESC : 'desc' ;
DISCARD : 'discard' ;
DISTINCT : 'distinct' ;
DO : 'do' ;
DOUBLE : 'double' ;
DROP : 'drop' ;
ELSE : 'else' ;
ENCRYPTED : 'encrypted' ;
END : 'end' ;
EXCEPT : 'except' ;
EXISTS : 'exists' ;
EXTENSION : 'extension' ;
FALSE : 'false' ;
FETCH : 'fetch' ;
FLOAT : 'float' ;
FOR : 'for' ;
FOREIGN : 'foreign' ;
FREEZE : 'freeze' ;
FROM : 'from' ;
FULL : 'full' ;
GENERATED : 'generated' ;
GRANT : 'grant' ;
GROUP : 'group' ;
HAVING : 'having' ;
IDENTITY : 'identity' ;
IF : 'if' ;
IN : 'in' ;
INDEX : 'index' ;
INHERIT : 'inherit' ;
INITIALLY : 'initially' ;
INT : 'int' ;
INTEGER : 'integer' ;
INTERSECT : 'intersect' ;
INTO : 'into' ;
IS : 'is' ;
ISOLATION : 'isolation' ;
KEY : 'key' ;
LATERAL : 'lateral' ;
LEADING : 'leading' ;
LEVEL : 'level' ;
LIMIT : 'limit' ;
LOCAL : 'local' ;
LOCALTIME : 'localtime' ;
LOCALTIMESTAMP : 'localtimestamp' ;
NAMES : 'names' ;
NOT : 'not' ;
NULL : 'null' ;
NUMERIC : 'numeric' ;
OFFSET : 'offset' ;
ON : 'on' ;
ONLY : 'only' ;
OPTION : 'option' ;
OR : 'or' ;
ORDER : 'order' ;
OWNER : 'owner' ;
PASSWORD : 'password' ;
PLACING : 'placing' ;
PLANS : 'plans' ;
PRECISION : 'precision' ;
PREPARE : 'prepare' ;
PRIMARY : 'primary' ;
PRIVILEGES : 'privileges' ;
READ : 'read' ;
REAL : 'real' ;
REFERENCES : 'references' ;
REINDEX : 'reindex' ;
RENAME : 'rename' ;
RELEASE : 'release' ;
REPEATABLE : 'repeatable' ;
RESET : 'reset' ;
RESTART : 'restart' ;
RESTRICT : 'restrict' ;
RETURNING : 'returning' ;
REVOKE : 'revoke' ;
ROLE : 'role' ;
ROLLBACK : 'rollback' ;
SAVEPOINT : 'savepoint' ;
SCHEMA : 'schema' ;
SELECT : 'select' ;
SEQUENCES : 'sequences' ;
SERIALIZABLE : 'serializable' ;
SESSION : 'session' ;
SESSION_USER : 'session_user' ;
SET : 'set' ;
SHOW : 'show' ;
SMALLINT : 'smallint' ;
SOME : 'some' ;
START : 'start' ;
SYMMETRIC : 'symmetric' ;
TABLE : 'table' ;
TABLES : 'tables' ;
TEMP : 'temp' ;
TEMPORARY : 'temporary' ;
THEN : 'then' ;
TIME : 'time' ;
TIMESTAMP : 'timestamp' ;
TO : 'to' ;
TRAILING : 'trailing' ;
TRANSACTION : 'transaction' ;
TRUE : 'true' ;
TRUNCATE : 'truncate' ;
UNCOMMITTED : 'uncommitted' ;
UNION : 'union' ;
UNIQUE : 'unique' ;
UNTIL : 'until' ;
USER : 'user' ;
USING : 'using' ;
VACUUM : 'vacuum' ;
VALID : 'valid' ;
VARCHAR : 'varchar' ;
VARIADIC : 'variadic' ;
VARYING : 'varying' ;
VERBOSE : 'verbose' ;
WHEN : 'when' ;
WHERE : 'where' ;
WINDOW : 'window' ;
WITH : 'with' ;
WITHOUT : 'without' ;
WORK : 'work' ;
WRITE : 'write' ;
ZONE : 'zone' ;

SEMI : ';' ;
COMMA : ',' ;
DOT : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
EQ : '=' ;
PLUS : '+' ;
MINUS : '-' ;
TYPECAST : '::' ;
COLON : ':' ;
// Operators only ever appear inside expressions that are kept as raw text, so one character per token is enough.
OPERATOR : [*/<>~!@#%^&|`?] ;

INTEGER_LITERAL : DIGIT+ ;
NUMERIC_LITERAL : DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT ;
PARAM : '$' DIGIT+ ;

STRING : '\'' ('\'\'' | ~'\'')* '\'' ;
ESCAPE_STRING : 'e\'' ('\\' . | '\'\'' | ~['\\])* '\'' ;
// Longest-match makes these win only when the closing quote is missing.
UNTERMINATED_STRING : '\'' ('\'\'' | ~'\'')* | 'e\'' ('\\' . | '\'\'' | ~['\\])* ;
QUOTED_IDENT : '"' ('""' | ~'"')* '"' ;
UNTERMINATED_QUOTED_IDENT : '"' ('""' | ~'"')* ;
DOLLAR_STRING : '$' DOLLAR_TAG? '$' { consumeDollarQuotedBody(); } ;

IDENT : IDENT_START IDENT_CONTINUE* ;

LINE_COMMENT : '--' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' { consumeBlockComment(); } ;
WHITESPACE : [ \t\r\n\f\u000B]+ -> channel(HIDDEN) ;

// Anything else is a token of its own, so the parser reports it as PostgreSQL does: at or near that character.
ERROR_CHARACTER : . ;

fragment DIGIT : [0-9] ;
fragment EXPONENT : 'e' [+-]? DIGIT+ ;
fragment IDENT_START : [a-z_\u0080-\uFFFF\u{10000}-\u{10FFFF}] ;
fragment IDENT_CONTINUE : [a-z0-9_$\u0080-\uFFFF\u{10000}-\u{10FFFF}] ;
fragment DOLLAR_TAG : IDENT_START [a-z0-9_\u0080-\uFFFF\u{10000}-\u{10FFFF}]* ;
