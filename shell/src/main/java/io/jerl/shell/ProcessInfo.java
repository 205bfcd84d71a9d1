package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.LocalProcess;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * erlang:process_info/1,2 for processes of this node, with only the items jerl really knows: registered_name,
 * status, message_queue_len, messages, links, monitored_by, trap_exit and group_leader. Any other item is badarg
 * (erl's answer for an item it does not know), rather than an invented value.
 */
final class ProcessInfo {
    private static final Atom BADARG = Atom.of("badarg");
    private static final Atom REGISTERED_NAME = Atom.of("registered_name");
    /** The items process_info/1 lists, in erl's order (registered_name only when there is one). */
    private static final List<String> DEFAULT_ITEMS = List.of("registered_name", "status", "message_queue_len",
            "links", "trap_exit", "group_leader");

    private final Node node;

    private ProcessInfo(Node node) {
        this.node = node;
    }

    static void register(BuiltinRegistry r, Node node) {
        ProcessInfo info = new ProcessInfo(node);
        r.register("erlang", "process_info", 1, (c, a) -> info.all(a.get(0), c.self()));
        r.register("erlang", "process_info", 2, (c, a) -> info.items(a.get(0), a.get(1), c.self()));
    }

    private Term all(Term who, Mailbox caller) {
        LocalProcess p = process(who);
        if (p == null) {
            return Atom.UNDEFINED;
        }
        List<Term> out = new ArrayList<>();
        for (String item : DEFAULT_ITEMS) {
            Term value = value(p, Atom.of(item), caller);
            if (!(item.equals("registered_name") && value == Nil.NIL)) {
                out.add(new Tuple(Atom.of(item), value));
            }
        }
        return ErlList.of(out);
    }

    private Term items(Term who, Term which, Mailbox caller) {
        LocalProcess p = process(who);
        if (which instanceof Atom item) {
            Term value = p == null ? null : value(p, item, caller);
            if (p != null && value == null) {
                throw ErlangException.error(BADARG);
            }
            if (p == null) {
                checkItem(item, caller);
                return Atom.UNDEFINED;
            }
            // erl's one oddity: an unregistered process answers [] rather than {registered_name, []}
            return item.equals(REGISTERED_NAME) && value == Nil.NIL ? Nil.NIL : new Tuple(item, value);
        }
        List<Term> out = new ArrayList<>();
        for (Term t : ProcessBuiltins.properList(which)) {
            if (!(t instanceof Atom item)) {
                throw ErlangException.error(BADARG);
            }
            if (p == null) {
                checkItem(item, caller);
                continue;
            }
            Term value = value(p, item, caller);
            if (value == null) {
                throw ErlangException.error(BADARG);
            }
            out.add(new Tuple(item, value));
        }
        return p == null ? Atom.UNDEFINED : ErlList.of(out);
    }

    private void checkItem(Atom item, Mailbox caller) {
        if (value(caller, item, caller) == null) {
            throw ErlangException.error(BADARG);
        }
    }

    /** The local process {@code who} names; null when it has ended; badarg for a non-pid or another node's pid. */
    private LocalProcess process(Term who) {
        if (!(who instanceof Pid pid) || !pid.node().equals(node.name())) {
            throw ErlangException.error(BADARG);
        }
        return node.process(pid);
    }

    /** One item's value, or null for an item jerl cannot answer. */
    private Term value(LocalProcess p, Atom item, Mailbox caller) {
        Mailbox m = p instanceof Mailbox mb ? mb : null;
        switch (item.name()) {
            case "registered_name":
                for (Atom name : node.registered()) {
                    LocalProcess named = node.whereis(name.name());
                    if (named != null && named.pid().equals(p.pid())) {
                        return name;
                    }
                }
                return Nil.NIL;
            case "status":
                // the asking process is running; another is waiting when it blocks in receive
                return Atom.of(p == caller || m == null || !m.isWaiting() ? "running" : "waiting");
            case "message_queue_len":
                return ErlInt.of(m == null ? 0 : m.queueLength());
            case "messages":
                return m == null ? Nil.NIL : ErlList.of(m.messages());
            case "links":
                return ErlList.of(p.links());
            case "monitored_by":
                return ErlList.of(p.monitoredBy());
            case "trap_exit":
                return Atom.of(m != null && m.trapsExit());
            case "group_leader":
                Pid gl = p.groupLeader();
                return gl == null ? Atom.UNDEFINED : gl;
            default:
                return null;
        }
    }
}
