package io.jerl.shell;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "*** argument N: ..." lines OTP 25 adds under a failed BIF call (the extended error information that
 * erl_erts_errors gives), for the built-ins of the seeds and tutorials. Each explanation follows what OTP 25
 * prints for the same call (checked in ErrorTextErlTest); a built-in not listed here gets no such lines.
 */
final class ArgumentErrors {
    private ArgumentErrors() {
    }

    /** Argument number → what is wrong with it, for a failed call frame {@code {M, F, Args, _}}. */
    static Map<Integer, String> explain(Tuple frame, Term reason) {
        Map<Integer, String> out = new TreeMap<>();
        if (!(frame.get(0) instanceof Atom m) || !(frame.get(1) instanceof Atom f)
                || !(frame.get(2) instanceof ErlList || frame.get(2) == Nil.NIL)) {
            return out;
        }
        List<Term> a = frame.get(2) instanceof ErlList l ? Arrays.asList(l.elements()) : List.of();
        String call = m.name() + ":" + f.name() + "/" + a.size();
        boolean badarg = reason.equals(Atom.of("badarg"));
        switch (call) {
            case "erlang:atom_to_list/1", "erlang:atom_to_binary/1" -> expect(out, 1, a.get(0) instanceof Atom, "not an atom");
            case "erlang:list_to_atom/1", "erlang:list_to_tuple/1", "erlang:length/1" ->
                    expect(out, 1, isList(a.get(0)), "not a list");
            case "erlang:hd/1", "erlang:tl/1" -> expect(out, 1, a.get(0) instanceof ErlList, "not a nonempty list");
            case "erlang:integer_to_list/1", "erlang:integer_to_binary/1" ->
                    expect(out, 1, a.get(0) instanceof ErlInt, "not an integer");
            case "erlang:abs/1" -> expect(out, 1, a.get(0) instanceof ErlInt || a.get(0) instanceof ErlFloat,
                    "not a number");
            case "erlang:tuple_size/1", "erlang:tuple_to_list/1" -> expect(out, 1, a.get(0) instanceof Tuple, "not a tuple");
            case "erlang:map_size/1" -> expect(out, 1, a.get(0) instanceof ErlMap, "not a map");
            case "erlang:binary_to_list/1" -> expect(out, 1, a.get(0) instanceof Binary, "not a binary");
            case "erlang:list_to_integer/1" -> {
                if (badarg) {
                    out.put(1, isList(a.get(0)) ? "not a textual representation of an integer" : "not a list");
                }
            }
            case "erlang:binary_to_term/1" -> {
                if (badarg) {
                    out.put(1, a.get(0) instanceof Binary ? "invalid external representation of a term" : "not a binary");
                }
            }
            case "erlang:element/2" -> {
                expect(out, 1, a.get(0) instanceof ErlInt, "not an integer");
                expect(out, 2, a.get(1) instanceof Tuple, "not a tuple");
                if (out.isEmpty() && badarg) {
                    out.put(1, "out of range");
                }
            }
            case "erlang:link/1" -> out.put(1, a.get(0) instanceof Pid ? "the pid does not refer to an existing process"
                    : "not a pid");
            // erl says so for unregister/1 too, whatever the argument
            case "erlang:exit/2", "erlang:unregister/1" -> out.put(1, "not a pid");
            case "erlang:whereis/1" -> expect(out, 1, a.get(0) instanceof Atom, "not an atom");
            case "erlang:register/2" -> {
                expect(out, 1, a.get(0) instanceof Atom, "not an atom");
                if (out.isEmpty()) {
                    expect(out, 2, a.get(1) instanceof Pid, "not a pid or port");
                }
            }
            case "erlang:spawn/1" -> out.put(1, "not a fun");
            case "erlang:monitor/2" -> {
                if (!a.get(0).equals(Atom.of("process"))) {
                    out.put(1, "invalid monitor type");
                } else {
                    out.put(2, "not a pid");
                }
            }
            case "erlang:demonitor/1" -> expect(out, 1, a.get(0) instanceof Ref, "not a reference");
            case "erlang:list_to_pid/1" -> out.put(1, "not a textual representation of a pid");
            case "erlang:list_to_port/1" -> out.put(1, "not a textual representation of a port");
            case "erlang:list_to_ref/1" -> out.put(1, "not a textual representation of a reference");
            case "erlang:send/2" -> {
                if (badarg) {
                    out.put(1, "invalid destination");
                }
            }
            case "maps:get/2" -> {
                expect(out, 2, a.get(1) instanceof ErlMap, "not a map");
                if (out.isEmpty() && reason instanceof Tuple t && t.arity() == 2 && t.get(0).equals(Atom.of("badkey"))) {
                    out.put(1, "not present in map");
                }
            }
            case "maps:put/3" -> expect(out, 3, a.get(2) instanceof ErlMap, "not a map");
            default -> {
            }
        }
        return out;
    }

    private static void expect(Map<Integer, String> out, int argument, boolean ok, String otherwise) {
        if (!ok) {
            out.put(argument, otherwise);
        }
    }

    private static boolean isList(Term t) {
        return t instanceof ErlList || t == Nil.NIL;
    }
}
