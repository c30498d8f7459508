/*
 * PostgreSQL's utility statements (DDL, SET/SHOW, transaction control, maintenance) as Quiver supports them.
 * Queries and DML go to Calcite; this grammar only sees what Calcite cannot parse. Rule and keyword
 * categories follow PostgreSQL's gram.y so that the same words may be used as names.
 */
parser grammar PgUtilityParser;

options { tokenVocab = PgUtilityLexer; }

singleStatement : statement SEMI? EOF ;
singleTypeName : typeName EOF ;

statement
    : createTable
    | createIndex
    | createSchema
    | createExtension
    | dropTable
    | dropIndex
    | dropSchema
    | dropExtension
    | reindex
    | alterIndexSet
    | alterIndexReset
    | renameIndex
    | alterTable
    | renameTable
    | renameColumn
    | setStatement
    | showStatement
    | resetStatement
    | beginStatement
    | commitStatement
    | rollbackStatement
    | rollbackToSavepoint
    | savepointStatement
    | releaseSavepoint
    | truncate
    | discard
    | deallocate
    | commentOn
    | analyze
    | vacuum
    | checkpoint
    | backup
    | createRole
    | alterRole
    | renameRole
    | dropRole
    | grant
    | revoke
    | alterTableOwner
    ;

// ---- CREATE TABLE ----------------------------------------------------------------------------------------

createTable : CREATE TABLE ifNotExists? qualifiedName LPAREN (tableElement (COMMA tableElement)*)? RPAREN ;
ifNotExists : IF NOT EXISTS ;
ifExists : IF EXISTS ;
tableElement : columnDefinition | tableConstraint ;
columnDefinition : colId typeName columnConstraint* ;
columnConstraint : (CONSTRAINT colId)? columnConstraintBody ;
columnConstraintBody
    : NOT NULL                                   # notNullConstraint
    | NULL                                       # nullConstraint
    | PRIMARY KEY                                # primaryKeyColumnConstraint
    | UNIQUE                                     # uniqueColumnConstraint
    | DEFAULT defaultExpression                  # defaultConstraint
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY # identityConstraint
    ;
tableConstraint : (CONSTRAINT colId)? (PRIMARY KEY | UNIQUE) columnList ;
columnList : LPAREN colId (COMMA colId)* RPAREN ;

// A DEFAULT expression runs until the next column constraint keyword, as PostgreSQL's b_expr does.
defaultExpression : expressionToken defaultContinuation* ;
defaultContinuation
    : balanced
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI
        | NOT | NULL | CONSTRAINT | PRIMARY | UNIQUE | DEFAULT | GENERATED | CHECK | REFERENCES | COLLATE)
    ;
expressionToken : balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI) ;
balanced
    : LPAREN (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET))* RPAREN
    | LBRACKET (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET))* RBRACKET
    ;
restOfStatement : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))+ ;

// ---- types -----------------------------------------------------------------------------------------------

typeName : simpleTypeName arrayBounds ;
arrayBounds
    : (LBRACKET INTEGER_LITERAL? RBRACKET)*
    | ARRAY (LBRACKET INTEGER_LITERAL RBRACKET)?
    ;
simpleTypeName
    : kind=(INT | INTEGER | SMALLINT | BIGINT | REAL | BOOLEAN)              # fixedType
    | DOUBLE PRECISION                                                        # doublePrecisionType
    | FLOAT (LPAREN precision=signedInteger RPAREN)?                          # floatType
    | (NUMERIC | DECIMAL | DEC) typeModifiers?                                # numericType
    | (CHARACTER | CHAR) typeModifiers?                                       # fixedCharType
    | (CHARACTER VARYING | CHAR VARYING | VARCHAR) typeModifiers?             # varyingCharType
    | BIT typeModifiers?                                                      # fixedBitType
    | BIT VARYING typeModifiers?                                              # varyingBitType
    | kind=(TIMESTAMP | TIME) typeModifiers? (zone=(WITH | WITHOUT) TIME ZONE)? # dateTimeType
    | typeFunctionName (DOT colLabel)* typeModifiers?                         # genericType
    ;
typeModifiers : LPAREN signedInteger (COMMA signedInteger)* RPAREN ;

// ---- CREATE INDEX and friends ----------------------------------------------------------------------------

createIndex
    : CREATE UNIQUE? INDEX CONCURRENTLY? (ifNotExists? name=colId)? ON qualifiedName (USING method=colId)?
      LPAREN indexElement (COMMA indexElement)* RPAREN
      (WITH relOptions)?
      (WHERE restOfStatement)?
    ;
indexElement : (colId | functionCall | balanced) opclass=anyName? ;
functionCall : anyName LPAREN (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET))* RPAREN ;
relOptions : LPAREN relOption (COMMA relOption)* RPAREN ;
relOption : colLabel (EQ optionValue)? ;
optionValue : string | signedNumber | colLabel ;

dropIndex : DROP INDEX CONCURRENTLY? ifExists? qualifiedNameList dropBehavior? ;
reindex : REINDEX kind=(INDEX | TABLE) CONCURRENTLY? qualifiedName ;
alterIndexSet : ALTER INDEX ifExists? qualifiedName SET relOptions ;
alterIndexReset : ALTER INDEX ifExists? qualifiedName RESET LPAREN colLabel (COMMA colLabel)* RPAREN ;
renameIndex : ALTER INDEX ifExists? qualifiedName RENAME TO colId ;

// ---- ALTER TABLE -----------------------------------------------------------------------------------------

alterTable : ALTER TABLE ifExists? ONLY? qualifiedName alterTableAction (COMMA alterTableAction)* ;
alterTableAction
    : ADD COLUMN? ifNotExists? columnDefinition               # addColumn
    | DROP COLUMN? ifExists? colId dropBehavior?              # dropColumn
    | ALTER COLUMN? colId SET NOT NULL                        # setNotNull
    | ALTER COLUMN? colId DROP NOT NULL                       # dropNotNull
    | ALTER COLUMN? colId SET DEFAULT defaultExpression       # setDefault
    | ALTER COLUMN? colId DROP DEFAULT                        # dropDefault
    ;
renameTable : ALTER TABLE ifExists? ONLY? qualifiedName RENAME TO colId ;
renameColumn : ALTER TABLE ifExists? ONLY? qualifiedName RENAME COLUMN? colId TO colId ;

// ---- other DDL -------------------------------------------------------------------------------------------

dropTable : DROP TABLE ifExists? qualifiedNameList dropBehavior? ;
createSchema : CREATE SCHEMA ifNotExists? colId ;
dropSchema : DROP SCHEMA ifExists? colIdList dropBehavior? ;
createExtension : CREATE EXTENSION ifNotExists? name=colId WITH? (SCHEMA schema=colId)? ;
dropExtension : DROP EXTENSION ifExists? colIdList dropBehavior? ;
dropBehavior : CASCADE | RESTRICT ;
truncate : TRUNCATE TABLE? qualifiedNameList (identity=(RESTART | CONTINUE) IDENTITY)? dropBehavior? ;
commentOn : COMMENT ON kind=(TABLE | COLUMN | INDEX | EXTENSION | SCHEMA) anyName IS (string | NULL) ;

// ---- configuration ---------------------------------------------------------------------------------------

setStatement : SET scope=(LOCAL | SESSION)? setRest ;
setRest
    : TRANSACTION transactionModes                                 # setTransaction
    | SESSION CHARACTERISTICS AS TRANSACTION transactionModes       # setSessionCharacteristics
    | TIME ZONE zoneValue                                          # setTimeZone
    | NAMES (string | DEFAULT)?                                    # setNames
    | SCHEMA string                                                # setSchema
    | varName (TO | EQ) (DEFAULT | varValue (COMMA varValue)*)     # setVariable
    ;
zoneValue : DEFAULT | LOCAL | varValue ;
varName : colId (DOT colId)* ;
varValue : string | signedNumber | TRUE | FALSE | ON | nonReservedWord ;
showStatement : SHOW variableReference ;
resetStatement : RESET variableReference ;
variableReference
    : ALL                          # allVariables
    | TIME ZONE                    # timeZoneVariable
    | TRANSACTION ISOLATION LEVEL  # isolationVariable
    | varName                      # namedVariable
    ;

// ---- transactions ----------------------------------------------------------------------------------------

beginStatement : (BEGIN (WORK | TRANSACTION)? | START TRANSACTION) transactionModes? ;
commitStatement : (COMMIT | END) (WORK | TRANSACTION)? ;
rollbackStatement : (ROLLBACK | ABORT) (WORK | TRANSACTION)? ;
rollbackToSavepoint : ROLLBACK (WORK | TRANSACTION)? TO SAVEPOINT? colId ;
savepointStatement : SAVEPOINT colId ;
releaseSavepoint : RELEASE SAVEPOINT? colId ;
transactionModes : transactionMode (COMMA? transactionMode)* ;
transactionMode
    : ISOLATION LEVEL isolationLevel   # isolationMode
    | READ ONLY                        # readOnlyMode
    | READ WRITE                       # readWriteMode
    ;
isolationLevel
    : READ UNCOMMITTED    # readUncommitted
    | READ COMMITTED      # readCommitted
    | REPEATABLE READ     # repeatableRead
    | SERIALIZABLE        # serializable
    ;

// ---- maintenance and session state -----------------------------------------------------------------------

discard : DISCARD target=(ALL | PLANS | SEQUENCES | TEMP | TEMPORARY) ;
deallocate : DEALLOCATE PREPARE? (ALL | colId) ;
analyze : (ANALYZE | ANALYSE) VERBOSE? qualifiedNameList? ;
vacuum : VACUUM (vacuumOptions | FULL? FREEZE? VERBOSE? analyzeKeyword=(ANALYZE | ANALYSE)?) qualifiedNameList? ;
vacuumOptions : LPAREN vacuumOption (COMMA vacuumOption)* RPAREN ;
vacuumOption : colLabel varValue? ;
checkpoint : CHECKPOINT ;
// Quiver's own: an online backup into a directory on the server (a full one, or incremental into an earlier backup)
backup : BACKUP TO string ;

// ---- roles and privileges ------------------------------------------------------------------------------

createRole : CREATE kind=(ROLE | USER) roleName WITH? roleOption* ;
alterRole : ALTER (ROLE | USER) roleSpec WITH? roleOption* ;
renameRole : ALTER (ROLE | USER) roleSpec RENAME TO roleName ;
dropRole : DROP (ROLE | USER) ifExists? roleSpec (COMMA roleSpec)* ;
// As PostgreSQL's AlterOptRoleElem: the flags (LOGIN, NOSUPERUSER ...) are plain words, checked when building.
roleOption
    : ENCRYPTED? PASSWORD (string | NULL)     # passwordOption
    | VALID UNTIL string                      # validUntilOption
    | CONNECTION LIMIT signedInteger          # connectionLimitOption
    | INHERIT                                 # inheritOption
    | IDENT                                   # flagOption
    ;
roleName : nonReservedWord ;
roleSpec : nonReservedWord | CURRENT_USER | SESSION_USER | CURRENT_ROLE ;

grant : GRANT privileges ON privilegeTarget TO grantee (COMMA grantee)* (WITH GRANT OPTION)? ;
revoke : REVOKE (GRANT OPTION FOR)? privileges ON privilegeTarget FROM grantee (COMMA grantee)* dropBehavior? ;
privileges : ALL PRIVILEGES? | privilege (COMMA privilege)* ;
privilege : SELECT | REFERENCES | CREATE | colId ;
privilegeTarget
    : TABLE? qualifiedNameList           # tablesTarget
    | ALL TABLES IN SCHEMA colIdList     # schemaTablesTarget
    ;
grantee : GROUP? roleSpec ;
alterTableOwner : ALTER TABLE ifExists? ONLY? qualifiedName OWNER TO roleSpec ;

// ---- names and literals ----------------------------------------------------------------------------------

qualifiedName : anyName ;
qualifiedNameList : qualifiedName (COMMA qualifiedName)* ;
anyName : colId (DOT colLabel)* ;
colIdList : colId (COMMA colId)* ;
string : STRING | ESCAPE_STRING | DOLLAR_STRING ;
signedInteger : (PLUS | MINUS)? INTEGER_LITERAL ;
signedNumber : (PLUS | MINUS)? (INTEGER_LITERAL | NUMERIC_LITERAL) ;

// PostgreSQL's ColId: a name for a column, table, schema or variable.
colId : IDENT | QUOTED_IDENT | unreservedKeyword | colNameKeyword ;
// PostgreSQL's type_function_name: what may name a type or a function.
typeFunctionName : IDENT | QUOTED_IDENT | unreservedKeyword | typeFuncNameKeyword ;
nonReservedWord : colId | typeFuncNameKeyword ;
// PostgreSQL's ColLabel: any word at all, as after a dot.
colLabel : nonReservedWord | reservedKeyword ;

unreservedKeyword
    : ABORT | ADD | ALTER | ALWAYS | BACKUP | BEGIN | BY | CASCADE | CHARACTERISTICS | CHECKPOINT | COMMENT | COMMIT
    | COMMITTED | CONNECTION | CONTINUE | ENCRYPTED | INHERIT | OPTION | OWNER | PASSWORD | PRIVILEGES | REVOKE | ROLE
    | TABLES | UNTIL | VALID | DEALLOCATE | DISCARD | DOUBLE | DROP | EXTENSION | GENERATED | IDENTITY | IF
    | INDEX | ISOLATION | KEY | LEVEL | LOCAL | NAMES | PLANS | PREPARE | READ | REINDEX | RELEASE | RENAME | REPEATABLE
    | RESET | RESTART | RESTRICT | ROLLBACK | SAVEPOINT | SCHEMA | SEQUENCES | SERIALIZABLE | SESSION | SET
    | SHOW | START | TEMP | TEMPORARY | TRANSACTION | TRUNCATE | UNCOMMITTED | VACUUM | VARYING | WITHOUT
    | WORK | WRITE | ZONE
    ;
colNameKeyword
    : BIGINT | BIT | BOOLEAN | CHAR | CHARACTER | DEC | DECIMAL | EXISTS | FLOAT | INT | INTEGER | NUMERIC
    | PRECISION | REAL | SMALLINT | TIME | TIMESTAMP | VARCHAR
    ;
typeFuncNameKeyword : CONCURRENTLY | FREEZE | FULL | IS | VERBOSE ;
reservedKeyword
    : ALL | ANALYSE | ANALYZE | AND | ANY | ARRAY | AS | ASC | ASYMMETRIC | BOTH | CASE | CAST | CHECK
    | COLLATE | COLUMN | CONSTRAINT | CREATE | CURRENT_CATALOG | CURRENT_DATE | CURRENT_ROLE | CURRENT_TIME
    | CURRENT_TIMESTAMP | CURRENT_USER | DEFAULT | DEFERRABLE | DESC | DISTINCT | DO | ELSE | END | EXCEPT
    | FALSE | FETCH | FOR | FOREIGN | FROM | GRANT | GROUP | HAVING | IN | INITIALLY | INTERSECT | INTO
    | LATERAL | LEADING | LIMIT | LOCALTIME | LOCALTIMESTAMP | NOT | NULL | OFFSET | ON | ONLY | OR | ORDER
    | PLACING | PRIMARY | REFERENCES | RETURNING | SELECT | SESSION_USER | SOME | SYMMETRIC | TABLE | THEN
    | TO | TRAILING | TRUE | UNION | UNIQUE | USER | USING | VARIADIC | WHEN | WHERE | WINDOW | WITH
    ;

