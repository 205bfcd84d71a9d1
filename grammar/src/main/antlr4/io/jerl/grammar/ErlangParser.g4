/*
 * The expressions of OTP 25's erl_parse (parse_exprs), written as precedence levels.
 *
 * erl_parse declares its operators with yecc precedences:
 *     Unary 0 'catch' | Right 100 '=' '!' | Right 150 orelse | Right 160 andalso | Nonassoc 200 comp_op
 *     | Right 300 list_op | Left 400 add_op | Left 500 mult_op | Unary 600 prefix_op | Nonassoc 700 '#'
 *     | Nonassoc 800 ':'
 * Each level below is a loop over the next one; the AST builder folds left- and right-associative chains, so a
 * long chain makes a flat parse tree. Because 'catch' binds loosest of all, whatever follows it belongs to it: it
 * may stand as any operand ("X = catch 1 + 2", "1 + catch 2", "- catch 1") and takes the rest of the expression.
 * That is a "dangling catch", like a dangling else: in "A = catch B = 1" the "= 1" could continue the chain inside
 * the catch or the one outside it. erl_parse's precedence shifts it into the catch; ANTLR's loops and optional
 * blocks are greedy, so the innermost level takes it too (GrammarAmbiguityTest allows exactly this ambiguity).
 *
 * The language is the same as erl_parse's, so a syntax error is found at the same token (both parsers stop at
 * the first token that cannot continue any expression). Patterns in fun heads and catch clauses are pat_expr,
 * a smaller language, as in erl_parse; case, receive and generator patterns are full expressions there too.
 */
parser grammar ErlangParser;

options { tokenVocab = ErlangLexer; superClass = ErlangParserBase; }

// ---------------------------------------------------------------------------------------------------------- entry

// erl_parse:parse_exprs/1 parses its tokens as the body of a function "f() -> ...", so a ';' at the top level starts
// another function clause. That is always an error (head mismatch, or no expression list), but erl finds it only
// once the last clause has ended, reporting syntax errors inside the clauses first: parse them here so that jerl
// does too.
form : exprs (SEMI functionClause)* { checkFunctionClauses(_localctx); } DOT EOF ;

functionClause : atom LPAREN (patExpr (COMMA patExpr)*)? RPAREN clauseGuard? clauseBody ;

exprs : expr (COMMA expr)* ;

// ---------------------------------------------------------------------------------------------------- operators

expr      : catchExpr | expr100 ;
catchExpr : CATCH expr ;

expr100 : expr150 ((EQ | BANG) (expr150 | catchExpr))* ;               // right-assoc
expr150 : expr160 (ORELSE (expr160 | catchExpr))* ;                    // right-assoc
expr160 : expr200 (ANDALSO (expr200 | catchExpr))* ;                   // right-assoc
expr200 : expr300 (compOp (expr300 | catchExpr))? ;                    // non-assoc
expr300 : expr400 (listOp (expr400 | catchExpr))* ;                    // right-assoc
expr400 : expr500 (addOp (expr500 | catchExpr))* ;                     // left-assoc
expr500 : expr600 (multOp (expr600 | catchExpr))* ;                    // left-assoc
expr600 : prefixOp (expr600 | catchExpr) | expr700 ;

expr700
    : HASH mapTuple mapSuffix*                     # newMap
    | HASH atom recordBody recordSuffix*           # newRecord
    | exprMax postfix?                             # primary
    ;

postfix
    : mapSuffix+                                   # mapUpdate
    | recordSuffix+                                # recordAccess
    | argumentList                                 # localCall
    | COLON exprMax argumentList?                  # remote
    ;

mapSuffix    : HASH mapTuple ;
recordSuffix : HASH atom recordBody ;
recordBody   : PERIOD atom | recordTuple ;

argumentList : LPAREN exprs? RPAREN ;

exprMax
    : VAR                                          # maxVar
    | atomic                                       # maxLiteral
    | listOrComprehension                          # maxList
    | binaryOrComprehension                        # maxBinary
    | tuple                                        # maxTuple
    | LPAREN expr RPAREN                           # maxParen
    | BEGIN exprs END                              # maxBlock
    | ifExpr                                       # maxIf
    | caseExpr                                     # maxCase
    | receiveExpr                                  # maxReceive
    | funExpr                                      # maxFun
    | tryExpr                                      # maxTry
    | PRINTED_ID                                   # maxPrintedId   // <0.85.0>, #Ref<...>: see PrintedIds
    ;

atomic : CHAR | INTEGER | FLOAT | atom | STRING+ ;
atom   : ATOM | QUOTED_ATOM ;

prefixOp : PLUS | MINUS | BNOT | NOT ;
multOp   : SLASH | STAR | DIV | REM | BAND | AND ;
addOp    : PLUS | MINUS | BOR | BXOR | BSL | BSR | OR | XOR ;
listOp   : PLUSPLUS | MINUSMINUS ;
compOp   : EQEQ | NEQ | LE | LT | GE | GT | EXACT_EQ | EXACT_NEQ ;

// ------------------------------------------------------------------------------------------- compound terms

tuple : LBRACE exprs? RBRACE ;

listOrComprehension
    : LBRACK RBRACK
    | LBRACK expr (BARBAR lcExprs | (COMMA expr)* (BAR expr)?) RBRACK
    ;

list : LBRACK (expr (COMMA expr)* (BAR expr)?)? RBRACK ;

// The template of a binary comprehension is an exprMax; a bin element may start with a prefix operator.
binaryOrComprehension
    : LBIN RBIN
    | LBIN exprMax (BARBAR lcExprs | binElementTail (COMMA binElement)*) RBIN
    | LBIN prefixOp exprMax binElementTail (COMMA binElement)* RBIN
    ;

binary : LBIN (binElement (COMMA binElement)*)? RBIN ;

binElement     : prefixOp? exprMax binElementTail ;
binElementTail : (COLON exprMax)? (SLASH bitType (MINUS bitType)*)? ;
bitType        : atom (COLON INTEGER)? ;

lcExprs : lcExpr (COMMA lcExpr)* ;
lcExpr
    : expr (LARROW expr)?                          # generatorOrFilter
    | binary LEQARROW expr                         # binaryGenerator
    ;

mapTuple : LBRACE (mapField (COMMA mapField)*)? RBRACE ;
mapField : expr (ASSOC | EXACT) expr ;

recordTuple : LBRACE (recordField (COMMA recordField)*)? RBRACE ;
recordField : (VAR | atom) EQ expr ;

// ------------------------------------------------------------------------------------------------- patterns

patExpr    : patExpr200 (EQ patExpr200)* ;                             // right-assoc
patExpr200 : patExpr300 (compOp patExpr300)? ;
patExpr300 : patExpr400 (listOp patExpr400)* ;
patExpr400 : patExpr500 (addOp patExpr500)* ;
patExpr500 : patExpr600 (multOp patExpr600)* ;
patExpr600
    : prefixOp patExpr600                          # patPrefix
    | HASH mapTuple                                # patMap
    | HASH atom recordBody                         # patRecord
    | patExprMax                                   # patPrimary
    ;
patExprMax
    : VAR                                          # patVar
    | atomic                                       # patLiteral
    | list                                         # patList
    | binary                                       # patBinary
    | tuple                                        # patTuple
    | LPAREN patExpr RPAREN                        # patParen
    ;

// -------------------------------------------------------------------------------------------------- clauses

clauseGuard : WHEN guard ;
guard       : exprs (SEMI exprs)* ;
clauseBody  : ARROW exprs ;

crClauses : crClause (SEMI crClause)* ;
crClause  : expr clauseGuard? clauseBody ;

ifExpr   : IF ifClause (SEMI ifClause)* END ;
ifClause : guard clauseBody ;

caseExpr : CASE expr OF crClauses END ;

receiveExpr
    : RECEIVE crClauses (AFTER expr clauseBody)? END
    | RECEIVE AFTER expr clauseBody END
    ;

funExpr
    : FUN atom SLASH INTEGER                                   # localFunRef
    | FUN atomOrVar COLON atomOrVar SLASH integerOrVar         # remoteFunRef
    | FUN funClause (SEMI funClause)* END { checkFunHeads(_localctx); } # funClauses
    ;
atomOrVar    : atom | VAR ;
integerOrVar : INTEGER | VAR ;
funClause    : VAR? LPAREN (patExpr (COMMA patExpr)*)? RPAREN clauseGuard? clauseBody ;

tryExpr  : TRY exprs (OF crClauses)? tryCatch ;
tryCatch
    : CATCH tryClause (SEMI tryClause)* (AFTER exprs)? END
    | AFTER exprs END
    ;
tryClause
    : (atom | VAR) COLON patExpr (COLON VAR)? clauseGuard? clauseBody   # classCatch
    | patExpr clauseGuard? clauseBody                                   # throwCatch
    ;
