/*
 * Tokens of the Erlang expressions a shell user types, as OTP 25's erl_scan cuts them.
 *
 * The lexer is deliberately permissive inside literals: escape sequences, digit separators and value ranges are
 * checked afterwards (Literals.java), so that the error is reported at the place and in the words erl uses.
 * Tokens that can only be errors (an unterminated string, a character outside Latin-1 outside quotes, ...) have
 * their own types; ExprParser reports the first of them before the parser runs, as erl_scan does before erl_parse.
 */
lexer grammar ErlangLexer;

options { superClass = ErlangLexerBase; }

// Never produced by a lexer rule: PrintedIds replaces the tokens of a printed pid, port, reference or fun with one.
tokens { PRINTED_ID }

// Reserved words of OTP 25 without optional features ('maybe' and 'else' are plain atoms there).
// 'cond' and 'let' are reserved but used by no expression, so they are always a syntax error, as in erl.
AFTER    : 'after';
AND      : 'and';
ANDALSO  : 'andalso';
BAND     : 'band';
BEGIN    : 'begin';
BNOT     : 'bnot';
BOR      : 'bor';
BSL      : 'bsl';
BSR      : 'bsr';
BXOR     : 'bxor';
CASE     : 'case';
CATCH    : 'catch';
COND     : 'cond';
DIV      : 'div';
END      : 'end';
FUN      : 'fun';
IF       : 'if';
LET      : 'let';
NOT      : 'not';
OF       : 'of';
OR       : 'or';
ORELSE   : 'orelse';
RECEIVE  : 'receive';
REM      : 'rem';
TRY      : 'try';
WHEN     : 'when';
XOR      : 'xor';

// A dot ends the input only when followed by white space, a comment or the end of the input;
// anywhere else it is the '.' of record field access ('#r.f'), or a syntax error.
DOT        : '.' { atDotEnd() }?;
PERIOD     : '.';
DOTDOT     : '..';
DOTDOTDOT  : '...';

LPAREN     : '(';
RPAREN     : ')';
LBRACK     : '[';
RBRACK     : ']';
LBRACE     : '{';
RBRACE     : '}';
LBIN       : '<<';
RBIN       : '>>';
COMMA      : ',';
SEMI       : ';';
COLON      : ':';
COLONCOLON : '::';
EXACT      : ':=';
BAR        : '|';
BARBAR     : '||';
ARROW      : '->';
ASSOC      : '=>';
LARROW     : '<-';
LEQARROW   : '<=';
BANG       : '!';
EQ         : '=';
EQEQ       : '==';
NEQ        : '/=';
LE         : '=<';
LT         : '<';
GE         : '>=';
GT         : '>';
EXACT_EQ   : '=:=';
EXACT_NEQ  : '=/=';
PLUS       : '+';
MINUS      : '-';
STAR       : '*';
SLASH      : '/';
PLUSPLUS   : '++';
MINUSMINUS : '--';
HASH       : '#';
QMATCH     : '?=';

// Numbers. '_' separates digits (OTP 23+): 1_000, 16#ff_ff, 1_0.0_1.
INTEGER    : DIGITS;
// Base#digits, 2 =< Base =< 36: the digits run while they are valid in the base, so 2#102 is 2#10 then 2.
BASED      : DIGITS '#' BASE_DIGITS -> type(INTEGER);
// A base with no valid digit after it: "illegal integer", or "illegal base" when the base is out of range.
BAD_BASED  : DIGITS '#';
FLOAT      : DIGITS '.' DIGITS ([eE] [+-]? DIGITS)?;
// An exponent marker with no exponent after it: "illegal float".
BAD_FLOAT  : DIGITS '.' DIGITS [eE] [+-]?;

// $c: one character, or one escape sequence, or an error. Cut short by the end of the input, it is unterminated
// ("$", "$\\", "$\\^", "$\\x", "$\\x{4"); otherwise a \\x escape that goes wrong is an illegal character.
CHAR              : '$' (~'\\' | '\\' CHAR_ESCAPE);
UNTERMINATED_CHAR : '$' ('\\' ('^' | 'x' ('{' HEX*)?)?)? { atEnd() }?;
BAD_CHAR          : '$\\x' ('{' HEX* '}'? | HEX)?;

STRING              : '"' (~["\\] | ESCAPE)* '"';
UNTERMINATED_STRING : '"' (~["\\] | ESCAPE)* ('\\' '^'?)?;
QUOTED_ATOM         : '\'' (~['\\] | ESCAPE)* '\'';
UNTERMINATED_ATOM   : '\'' (~['\\] | ESCAPE)* ('\\' '^'?)?;

ATOM       : LOWER NAME_CHAR*;
VAR        : (UPPER | '_') NAME_CHAR*;

// erl_scan treats NUL..space and the Latin-1 controls up to no-break space as white space.
WS         : [\u0000-\u0020\u0080-\u00A0]+ -> skip;
COMMENT    : '%' ~'\n'* -> skip;

// Any other Latin-1 character is a one-character symbol token, as in erl_scan ('&', '^', '\\', '\u00A7', ...).
OTHER_SYMBOL : [\u0021-\u007F\u00A1-\u00BF\u00D7\u00F7];
// Outside quotes, erl accepts only Latin-1.
ILLEGAL_CHAR : .;

fragment DIGITS      : [0-9]+ ('_' [0-9]+)*;
fragment BASE_DIGITS : BASE_DIGIT+ ('_' BASE_DIGIT+)*;
fragment BASE_DIGIT  : { isBaseDigit() }? [0-9a-zA-Z];
fragment HEX         : [0-9a-fA-F];
// Inside strings and quoted atoms any character may follow a backslash; Literals decodes and checks it.
// "\^" takes the character after it whatever it is, so "\^"" does not end the string (as in erl).
fragment ESCAPE      : '\\' ('^' . | ~'^');
fragment CHAR_ESCAPE : [0-7] [0-7]? [0-7]?
                     | 'x' HEX HEX
                     | 'x{' HEX+ '}'
                     | '^' .
                     | ~[0-7x^]
                     ;
fragment LOWER       : [a-z\u00DF-\u00F6\u00F8-\u00FF];
fragment UPPER       : [A-Z\u00C0-\u00D6\u00D8-\u00DE];
fragment NAME_CHAR   : [a-zA-Z0-9_@\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF];
