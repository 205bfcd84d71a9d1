package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;

/** An exception as erl's shell words it: {@code ** exception error: no match of right hand side value false}. */
final class ErrorText {
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
        String head = "** exception " + e.kind().name() + ": ";
        if (!e.kind().equals(ErlangException.ERROR)) {
            return head + pp(e.reason(), head.length(), style);
        }
        return head + errorText(e, head.length(), style);
    }

    private static String errorText(ErlangException e, int column, TermStyle style) {
        Term r = e.reason();
        if (r instanceof Atom a) {
            switch (a.name()) {
                case "badarg":
                    return "bad argument";
                case "badarith":
                    return "an error occurred when evaluating an arithmetic expression";
                case "if_clause":
                    return "no true branch found when evaluating an if expression";
                case "function_clause":
                    return "no function clause matching";
                case "undef":
                    if (e.stacktrace() instanceof ErlList s && s.elements()[0] instanceof Tuple f && f.arity() == 4) {
                        int arity = f.get(2) instanceof ErlList args ? args.size()
                                : f.get(2) instanceof ErlInt n ? (int) n.value() : 0;
                        return "undefined function " + pp(f.get(0), 0, style) + ":" + pp(f.get(1), 0, style) + "/" + arity;
                    }
                    return "undefined function";
                default:
                    return pp(r, column, style);
            }
        }
        if (r instanceof Tuple t && t.arity() >= 2 && t.get(0) instanceof Atom tag) {
            String prefix;
            switch (tag.name()) {
                case "badmatch":
                    prefix = "no match of right hand side value ";
                    break;
                case "case_clause":
                    prefix = "no case clause matching ";
                    break;
                case "try_clause":
                    prefix = "no try clause matching ";
                    break;
                case "badfun":
                    prefix = "bad function ";
                    break;
                case "badkey":
                    prefix = "bad key: ";
                    break;
                case "badmap":
                    prefix = "bad map: ";
                    break;
                case "shell_undef":
                    return "undefined shell command " + pp(t.get(1), 0, style) + "/" + pp(t.get(2), 0, style);
                default:
                    return pp(r, column, style);
            }
            return prefix + pp(t.get(1), column + prefix.length(), style);
        }
        return pp(r, column, style);
    }

    private static String pp(Term t, int column, TermStyle style) {
        return PrettyPrinter.print(t, column + 1, 80, -1, true, true, style);
    }
}
