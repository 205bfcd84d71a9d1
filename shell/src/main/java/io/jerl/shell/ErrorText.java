package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exception as erl's shell words it (OTP 25's erl_error, with the extended error information of
 * erl_erts_errors for the built-ins jerl explains, see {@link ArgumentErrors}):
 * <pre>
 * ** exception error: bad argument
 *      in function  atom_to_list/1
 *         called as atom_to_list(1)
 *         *** argument 1: not an atom
 * </pre>
 * The stack trace is jerl's: frames for built-ins only (no file and line), nothing for shell funs.
 */
final class ErrorText {
    /** Where the exception text starts: after "** ". */
    private static final int COLUMN = 4;
    private static final String INDENT = "   ";
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "div", "rem", "band", "bor", "bxor",
            "bsl", "bsr", "bnot", "not", "and", "or", "xor", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "++",
            "--", "!");

    private ErrorText() {
    }

    /**
     * The value erl's shell keeps for a form that raised (v(N), h()): {@code {'EXIT', {Reason, Stack}}}, where a
     * thrown value's reason is {@code {nocatch, Value}}. The stack is jerl's, not erl's.
     */
    static Term exitValue(ErlangException e) {
        Term reason = e.kind().equals(ErlangException.THROW) ? new Tuple(Atom.of("nocatch"), e.reason()) : e.reason();
        return new Tuple(Atom.of("EXIT"), new Tuple(reason, e.stacktrace()));
    }

    static String describe(ErlangException e, TermStyle style) {
        String exited = "exception " + e.kind().name() + ": ";
        List<Tuple> stack = frames(e.stacktrace());
        Term reason = e.reason();
        if (stack == null) {
            // not a stack trace: erl shows {Reason, Stack} as the reason
            return "** " + exited + pp(new Tuple(reason, e.stacktrace()), COLUMN + exited.length(), style);
        }
        String explanation;
        boolean error = e.kind().equals(ErlangException.ERROR);
        if (error && !stack.isEmpty() && isFunctionClause(reason, stack.get(0))) {
            explanation = functionClause(stack.remove(0), exited, style);
        } else if (error && !stack.isEmpty() && reason.equals(Atom.of("undef"))) {
            Tuple f = stack.remove(0);
            explanation = "undefined function " + mfa(f.get(0), f.get(1), arity(f.get(2)));
        } else {
            explanation = error ? explain(reason, exited, style) : null;
            if (explanation == null) {
                explanation = pp(reason, COLUMN + exited.length(), style);
            }
        }
        StringBuilder out = new StringBuilder("** ").append(exited).append(explanation);
        Map<Integer, String> argumentErrors = stack.isEmpty() ? Map.of()
                : ArgumentErrors.explain(stack.get(0), reason);
        for (int i = 0; i < stack.size(); i++) {
            appendFrame(out, stack.get(i), i == 0, i == 0 ? argumentErrors : Map.of(), style);
        }
        return out.toString();
    }

    /** The frames of a stack trace, or null when the term is not one. */
    private static List<Tuple> frames(Term stacktrace) {
        if (stacktrace == Nil.NIL) {
            return new ArrayList<>();
        }
        if (!(stacktrace instanceof ErlList l) || !l.isProper()) {
            return null;
        }
        List<Tuple> out = new ArrayList<>();
        for (Term t : l.elements()) {
            if (!(t instanceof Tuple f) || f.arity() != 4 || !(f.get(0) instanceof Atom) || !(f.get(1) instanceof Atom)
                    || !(f.get(2) instanceof ErlInt || f.get(2) == Nil.NIL || f.get(2) instanceof ErlList)) {
                return null;
            }
            out.add(f);
        }
        return out;
    }

    private static boolean isFunctionClause(Term reason, Tuple frame) {
        return reason.equals(Atom.of("function_clause"))
                && (frame.get(2) instanceof ErlList || frame.get(2) == Nil.NIL || frame.get(0).equals(Atom.of("shell")));
    }

    /** Shell commands name themselves as {@code f/1}; functions show the call, on the next line when it is long. */
    private static String functionClause(Tuple frame, String exited, TermStyle style) {
        String head = "no function clause matching ";
        if (frame.get(2) instanceof ErlInt n) {
            return head + "call to " + pp(frame.get(1), 0, style) + "/" + n.value();
        }
        String mf = mf(frame.get(0), frame.get(1), args(frame.get(2)).size());
        String pre = " ".repeat(COLUMN - 1 + exited.length());
        int column = pre.length() + head.length() + mf.length();
        // erl breaks the line when a two-argument call would not fit after the text
        if (column + "[a2345,b2345]".length() > 80) {
            return head + "\n" + pre + mf + arguments(frame.get(2), pre.length() + mf.length() + 1, style) + " ";
        }
        return head + mf + arguments(frame.get(2), column + 1, style) + " ";
    }

    private static void appendFrame(StringBuilder out, Tuple f, boolean first, Map<Integer, String> argumentErrors,
                                    TermStyle style) {
        String sep = "\n  " + INDENT;
        // erl follows the function with " (file, line)"; jerl knows neither, and keeps erl's space
        if (!first) {
            out.append(sep).append("in call from ").append(mfa(f.get(0), f.get(1), arity(f.get(2)))).append(' ');
            return;
        }
        boolean operator = isOperator(f.get(0), f.get(1), arity(f.get(2)));
        out.append(sep).append(operator ? "in operator  " : "in function  ")
                .append(mfa(f.get(0), f.get(1), arity(f.get(2))));
        if (f.get(2) instanceof ErlInt) {
            out.append(' ');
            return;
        }
        String calledAs = sep + INDENT + "called as ";
        out.append(calledAs);
        List<Term> args = args(f.get(2));
        if (operator) {
            out.append(operatorCall(((Atom) f.get(1)).name(), args, calledAs.length(), style));
        } else {
            String mf = mf(f.get(0), f.get(1), args.size());
            out.append(mf).append(arguments(f.get(2), calledAs.length() + mf.length(), style));
        }
        for (Map.Entry<Integer, String> a : argumentErrors.entrySet()) {
            out.append(sep).append(INDENT).append("*** argument ").append(a.getKey()).append(": ").append(a.getValue());
        }
    }

    /** {@code 1 + a}, {@code - a}, starting in {@code column}. */
    private static String operatorCall(String op, List<Term> args, int column, TermStyle style) {
        if (args.size() == 1) {
            return op + " " + pp(args.get(0), column + op.length() + 1, style);
        }
        String left = pp(args.get(0), column, style);
        return left + " " + op + " " + pp(args.get(1), column + left.length() + op.length() + 2, style);
    }

    /** The arguments as erl shows a call's, starting in {@code column}: the list with its brackets made parentheses. */
    private static String arguments(Term args, int column, TermStyle style) {
        String list = pp(args == Nil.NIL ? Nil.NIL : args, column, style);
        return "(" + list.substring(1, list.length() - 1) + ")";
    }

    /** erl_error's words for the reasons it knows; null for the others (printed as they are). */
    private static String explain(Term r, String exited, TermStyle style) {
        int column = COLUMN + exited.length();
        if (r instanceof Atom a) {
            switch (a.name()) {
                case "badarg":
                    return "bad argument";
                case "badarith":
                    return "an error occurred when evaluating an arithmetic expression";
                case "if_clause":
                    return "no true branch found when evaluating an if expression";
                case "noproc":
                    return "no such process or port";
                case "notalive":
                    return "the node cannot be part of a distributed system";
                case "system_limit":
                    return "a system limit has been reached";
                case "timeout_value":
                    return "bad receive timeout value";
                default:
                    return null;
            }
        }
        if (!(r instanceof Tuple t) || t.arity() < 2 || !(t.get(0) instanceof Atom tag)) {
            return null;
        }
        if (t.arity() == 4 && tag.name().equals("shell_undef")) {
            return "undefined shell command " + pp(t.get(1), 0, style) + "/" + arity(t.get(2));
        }
        if (t.arity() == 2 && tag.name().equals("badarity") && t.get(1) instanceof Tuple fa && fa.arity() == 2
                && fa.get(0) instanceof Fun f) {
            return (f.module().equals(Atom.of("erl_eval")) ? "interpreted function with arity " + f.arity()
                    : TermPrinter.print(f)) + " called with " + argumentCount(args(fa.get(1)).size());
        }
        if (t.arity() != 2) {
            return null;
        }
        String prefix = switch (tag.name()) {
            case "badarg" -> "bad argument: ";
            case "badkey" -> "bad key: ";
            case "badmap" -> "bad map: ";
            case "badfun" -> "bad function ";
            case "badmatch" -> "no match of right hand side value ";
            case "case_clause" -> "no case clause matching ";
            case "try_clause" -> "no try clause matching ";
            case "bad_filter" -> "bad filter ";
            case "bad_generator" -> "bad generator ";
            default -> null;
        };
        return prefix == null ? null : value(prefix, t.get(1), exited, style);
    }

    /**
     * {@code prefix} and the value after it; a value that takes several lines there starts on a line of its own
     * instead (under the text after "** "), when that takes fewer lines.
     */
    private static String value(String prefix, Term v, String exited, TermStyle style) {
        String after = pp(v, COLUMN + exited.length() + prefix.length(), style);
        long lines = after.chars().filter(c -> c == '\n').count();
        if (lines > 1) {
            String below = pp(v, COLUMN + exited.length(), style);
            if (below.chars().filter(c -> c == '\n').count() < lines) {
                return prefix + "\n" + " ".repeat(COLUMN - 1 + exited.length()) + below;
            }
        }
        return prefix + after;
    }

    private static String argumentCount(int n) {
        return switch (n) {
            case 0 -> "no arguments";
            case 1 -> "one argument";
            case 2 -> "two arguments";
            default -> n + " arguments";
        };
    }

    /** {@code atom_to_list/1} for an auto-imported BIF, {@code +/2} for an operator, else {@code m:f/2}. */
    private static String mfa(Term m, Term f, int arity) {
        return mf(m, f, arity) + "/" + arity;
    }

    private static String mf(Term m, Term f, int arity) {
        if (m.equals(ERLANG) && f instanceof Atom a && (AutoImported.contains(a.name(), arity)
                || (isOperator(m, f, arity) && a.name().equals("/")))) {
            return TermPrinter.print(f);
        }
        if (isOperator(m, f, arity)) {
            return ((Atom) f).name();
        }
        return TermPrinter.print(m) + ":" + TermPrinter.print(f);
    }

    private static boolean isOperator(Term m, Term f, int arity) {
        return m.equals(ERLANG) && f instanceof Atom a && OPERATORS.contains(a.name())
                && (arity == 2 || (arity == 1 && Set.of("+", "-", "bnot", "not").contains(a.name())));
    }

    private static int arity(Term argsOrArity) {
        return argsOrArity instanceof ErlInt n ? (int) n.value() : args(argsOrArity).size();
    }

    private static List<Term> args(Term list) {
        return list instanceof ErlList l ? Arrays.asList(l.elements()) : List.of();
    }

    private static String pp(Term t, int column, TermStyle style) {
        return PrettyPrinter.print(t, Math.max(1, column), 80, -1, true, true, style);
    }
}
