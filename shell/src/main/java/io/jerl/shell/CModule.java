package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.LocalProcess;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of erl's {@code c} module that jerl has, which erl's shell reaches through {@code shell_default}
 * for local calls: flush(), help(), i(), regs(), nregs(), q(), pid(X,Y,Z); and halt/0,1 (erlang) and
 * init:stop/0. Tables have erl's columns and widths (fields cut to their width, as erl's {@code ~-21s} does);
 * jerl keeps no heap, stack, reductions or initial call per process, so those columns show "-" and the call
 * column says whether the process is a mailbox or a built-in service.
 */
final class CModule {
    private static final Atom BADARG = Atom.of("badarg");

    private CModule() {
    }

    static void register(BuiltinRegistry r, Node node, TermStyle style) {
        for (String module : List.of("c", "shell_default")) {
            r.register(module, "flush", 0, (c, a) -> flush(c, style));
            r.register(module, "help", 0, (c, a) -> {
                c.print(HELP);
                return Atom.TRUE;
            });
            r.register(module, "i", 0, (c, a) -> {
                c.print(processTable(node));
                return Atom.OK;
            });
            r.register(module, "regs", 0, (c, a) -> {
                c.print(registered(node));
                return Atom.OK;
            });
            r.register(module, "nregs", 0, (c, a) -> {
                c.print(registered(node));
                for (Atom peer : node.nodes()) {
                    c.print(table(peer, remoteRows(node, peer, style)));
                }
                return Atom.OK;
            });
            r.register(module, "q", 0, (c, a) -> {
                throw new ShellStop(0, "ok\n");
            });
            r.register(module, "pid", 3, (c, a) -> pid(c, a));
        }
        r.register("init", "stop", 0, (c, a) -> {
            throw new ShellStop(0, "ok\n");
        });
        r.register("erlang", "halt", 0, (c, a) -> {
            throw new ShellStop(0, "");
        });
        r.register("erlang", "halt", 1, (c, a) -> {
            if (a.get(0) instanceof ErlInt n && n.value() >= 0) {
                throw new ShellStop((int) Math.min(n.value(), 255), "");
            }
            throw ErlangException.error(BADARG);
        });
    }

    /** "Shell got Msg" for each message in the mailbox, then ok. */
    private static Term flush(CallContext c, TermStyle style) {
        Mailbox self = c.self();
        for (Term m : self.drain()) {
            c.print("Shell got " + PrettyPrinter.print(m, 11, 80, -1, true, true, style) + "\n");
        }
        return Atom.OK;
    }

    /** c:pid/3 is list_to_pid("<X.Y.Z>"), and fails in integer_to_list/1 on a part that is not an integer. */
    private static Term pid(CallContext c, List<Term> a) throws InterruptedException {
        StringBuilder text = new StringBuilder("<");
        for (int i = 0; i < 3; i++) {
            if (!(a.get(i) instanceof ErlInt n)) {
                throw new ErlangException(ErlangException.ERROR, BADARG, ErlList.of(
                        new Tuple(Atom.of("erlang"), Atom.of("integer_to_list"), ErlList.of(a.get(i)), Nil.NIL),
                        new Tuple(Atom.of("c"), Atom.of("pid"), ErlInt.of(3), Nil.NIL)));
            }
            text.append(i == 0 ? "" : ".").append(n.value());
        }
        return c.apply(new io.jerl.protocol.term.ExportFun(Atom.of("erlang"), Atom.of("list_to_pid"), 1),
                List.of(ErlList.ofString(text.append('>').toString())));
    }

    private static String processTable(Node node) {
        Map<LocalProcess, Atom> names = names(node);
        StringBuilder out = new StringBuilder();
        iformat(out, "Pid", "Initial Call", "Heap", "Reds", "Msgs");
        iformat(out, "Registered", "Current Function", "Stack", "", "");
        long total = 0;
        for (LocalProcess p : node.processes()) {
            int queued = queueLength(p);
            total += queued;
            Atom name = names.get(p);
            iformat(out, localPid(p), kind(p), "-", "-",
                    Integer.toString(queued));
            iformat(out, name == null ? "" : TermPrinter.print(name), "-", "-", "", "");
        }
        iformat(out, "Total", "", "-", "-", Long.toString(total));
        iformat(out, "", "", "-", "", "");
        return out.toString();
    }

    /** One line of erl's regs() table. */
    private record Row(String name, String pid, String call, String reds, String msgs) {
    }

    private static String registered(Node node) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<LocalProcess, Atom> e : names(node).entrySet()) {
            LocalProcess p = e.getKey();
            rows.add(new Row(TermPrinter.print(e.getValue()), localPid(p), kind(p), "-",
                    Integer.toString(queueLength(p))));
        }
        return table(node.name(), rows);
    }

    /**
     * Another node's registered processes, asked over rpc as erl's nregs() asks: the names, then each one's pid
     * and process_info (the initial call as proc_lib records it, reductions, queue length).
     */
    private static List<Row> remoteRows(Node node, Atom peer, TermStyle style) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(10);
        Atom erlang = Atom.of("erlang");
        if (!(node.rpcCall(peer, erlang, Atom.of("registered"), List.of(), timeout) instanceof ErlList names)) {
            return rows;
        }
        for (Term name : names.elements()) {
            Term pid = node.rpcCall(peer, erlang, Atom.of("whereis"), List.of(name), timeout);
            if (!(pid instanceof io.jerl.protocol.term.Pid)) {
                continue; // a port, or gone meanwhile: erl lists ports apart; jerl shows none
            }
            Term info = node.rpcCall(peer, erlang, Atom.of("process_info"), List.of(pid, ErlList.of(
                    Atom.of("initial_call"), Atom.of("reductions"), Atom.of("message_queue_len"),
                    Atom.of("dictionary"))), timeout);
            Map<Term, Term> fields = new HashMap<>();
            if (info instanceof ErlList l) {
                for (Term t : l.elements()) {
                    if (t instanceof Tuple kv && kv.arity() == 2) {
                        fields.put(kv.get(0), kv.get(1));
                    }
                }
            }
            rows.add(new Row(TermPrinter.print(name), PrettyPrinter.print(pid, style), initialCall(fields),
                    TermPrinter.print(fields.getOrDefault(Atom.of("reductions"), ErlInt.of(0))),
                    TermPrinter.print(fields.getOrDefault(Atom.of("message_queue_len"), ErlInt.of(0)))));
        }
        return rows;
    }

    /** {@code m:f/a}; for a proc_lib process (a gen_server...), the call proc_lib keeps in its dictionary. */
    private static String initialCall(Map<Term, Term> fields) {
        Term call = fields.get(Atom.of("initial_call"));
        if (call instanceof Tuple t && t.arity() == 3 && t.get(0).equals(Atom.of("proc_lib"))
                && fields.get(Atom.of("dictionary")) instanceof ErlList dict) {
            for (Term e : dict.elements()) {
                if (e instanceof Tuple kv && kv.arity() == 2 && kv.get(0).equals(Atom.of("$initial_call"))) {
                    call = kv.get(1);
                }
            }
        }
        if (call instanceof Tuple t && t.arity() == 3) {
            return TermPrinter.print(t.get(0)) + ":" + TermPrinter.print(t.get(1)) + "/" + TermPrinter.print(t.get(2));
        }
        return call == null ? "0" : TermPrinter.print(call);
    }

    /** erl's regs() text for one node: its processes by name, and (none in jerl) its registered ports. */
    private static String table(Atom nodeName, List<Row> rows) {
        rows = new ArrayList<>(rows);
        rows.sort(java.util.Comparator.comparing(Row::name));
        String node = TermPrinter.print(nodeName);
        StringBuilder out = new StringBuilder("\n** Registered procs on node " + node + " **\n");
        procLine(out, new Row("Name", "Pid", "Initial Call", "Reds", "Msgs"));
        rows.forEach(row -> procLine(out, row));
        out.append("\n** Registered ports on node ").append(node).append(" **\n");
        out.append(left("Name", 21)).append(' ').append(left("Id", 15)).append(' ').append(left("Command", 40))
                .append('\n');
        return out.toString();
    }

    /** {@code ~-21ts ~-12s ~-25ts ~12s ~4s~n}. */
    private static void procLine(StringBuilder out, Row r) {
        out.append(left(r.name(), 21)).append(' ').append(left(r.pid(), 12)).append(' ').append(left(r.call(), 25))
                .append(' ').append(right(r.reds(), 12)).append(' ').append(right(r.msgs(), 4)).append('\n');
    }

    private static Map<LocalProcess, Atom> names(Node node) {
        Map<LocalProcess, Atom> names = new HashMap<>();
        for (Atom n : node.registered()) {
            LocalProcess p = node.whereis(n.name());
            if (p != null) {
                names.put(p, n);
            }
        }
        return names;
    }

    /** A local pid as this node prints it: node number 0. */
    private static String localPid(LocalProcess p) {
        return "<0." + Integer.toUnsignedString(p.pid().id()) + "." + Integer.toUnsignedString(p.pid().serial()) + ">";
    }

    private static String kind(LocalProcess p) {
        return p instanceof Mailbox ? "mailbox" : "service";
    }

    private static int queueLength(LocalProcess p) {
        return p instanceof Mailbox m ? m.queueLength() : 0;
    }

    /** erl's i() line: {@code ~-21ts ~-33ts ~8s ~8s ~4s~n}. */
    private static void iformat(StringBuilder out, String a, String b, String c, String d, String e) {
        out.append(left(a, 21)).append(' ').append(left(b, 33)).append(' ').append(right(c, 8)).append(' ')
                .append(right(d, 8)).append(' ').append(right(e, 4)).append('\n');
    }

    /** {@code ~-Ns}: cut to N characters, padded on the right. */
    static String left(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : s + " ".repeat(width - s.length());
    }

    /** {@code ~Ns}: cut to N characters, padded on the left. */
    static String right(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : " ".repeat(width - s.length()) + s;
    }

    private static final String HELP = """
            ** jerl's shell commands **
            b()        -- show every bound variable and its value
            e(N)       -- evaluate form N again (N < 1 counts back from this form)
            f()        -- unbind every variable
            f(X)       -- unbind variable X
            h()        -- the last 20 forms with their values
            v(N)       -- the value of form N (N < 1 counts back from this form)
            ** commands of erl's c module that jerl has **
            flush()    -- print and drop the messages waiting for the shell process
            help()     -- this list
            i()        -- jerl's processes: pid, registered name, messages waiting
            nregs()    -- the registered processes of this node and of every connected node
            pid(X,Y,Z) -- the pid <X.Y.Z>
            q()        -- stop: leave EPMD, close connections, exit 0 (also init:stop())
            regs()     -- the registered processes
            halt(), halt(N) -- stop at once with exit status 0 or N
            """;
}
