package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The node's group leader: a process serving the Erlang I/O protocol, so that {@code io:format} in a
 * process jerl spawned on another node prints here. Output goes to a sink the embedding program sets (the
 * shell's terminal); input requests get {@code eof}, as for a node started without a shell.
 */
final class GroupLeader {
    private static final Atom IO_REQUEST = Atom.of("io_request");
    private static final Atom IO_REPLY = Atom.of("io_reply");
    private static final Atom PUT_CHARS = Atom.of("put_chars");
    private static final Atom REQUESTS = Atom.of("requests");
    private static final Atom GETOPTS = Atom.of("getopts");
    private static final Atom SETOPTS = Atom.of("setopts");
    private static final Atom LATIN1 = Atom.of("latin1");
    private static final Atom IO_LIB = Atom.of("io_lib");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom EOF = Atom.of("eof");

    private final Node node;
    private volatile Consumer<String> output;
    private final BiFunction<Term, Term, String> format;
    private ServiceProcess self;

    private GroupLeader(Node node, Consumer<String> output, BiFunction<Term, Term, String> format) {
        this.node = node;
        this.output = output;
        this.format = format;
    }

    /**
     * @param format io_lib:format/2 (format and argument list to text), throwing ProtocolException on badarg
     */
    static GroupLeader start(Node node, Consumer<String> output, BiFunction<Term, Term, String> format) {
        GroupLeader gl = new GroupLeader(node, output, format);
        gl.self = node.spawnService(null, gl::handle);
        return gl;
    }

    Pid pid() {
        return self.pid();
    }

    void setOutput(Consumer<String> sink) {
        output = sink;
    }

    /** Text a process of this node prints without an I/O request (the shell's own evaluator). */
    void print(String text) {
        output.accept(text);
    }

    private void handle(Term message) {
        if (message instanceof Tuple t && t.arity() == 4 && t.get(0).equals(IO_REQUEST) && t.get(1) instanceof Pid from) {
            node.send(self.pid(), from, new Tuple(IO_REPLY, t.get(2), request(t.get(3))));
        }
    }

    private Term request(Term req) {
        if (!(req instanceof Tuple r) || r.arity() == 0) {
            return new Tuple(ERROR, Atom.of("request"));
        }
        Term op = r.get(0);
        try {
            if (op.equals(PUT_CHARS) && r.arity() == 3) {
                output.accept(chars(r.get(2), !r.get(1).equals(LATIN1)));
                return Atom.OK;
            }
            if (op.equals(PUT_CHARS) && r.arity() == 2) {
                output.accept(chars(r.get(1), false));
                return Atom.OK;
            }
            if (op.equals(PUT_CHARS) && r.arity() == 5) {
                List<Term> args = Spawner.properList(r.get(4));
                if (r.get(2).equals(IO_LIB) && (r.get(3).equals(Atom.of("format")) || r.get(3).equals(Atom.of("fwrite")))
                        && args != null && args.size() == 2) {
                    output.accept(format.apply(args.get(0), args.get(1)));
                    return Atom.OK;
                }
                return new Tuple(ERROR, Atom.of("enotsup"));
            }
            if (op.equals(REQUESTS) && r.arity() == 2) {
                Term last = Atom.OK;
                List<Term> all = Spawner.properList(r.get(1));
                for (Term each : all == null ? List.<Term>of() : all) {
                    last = request(each);
                    if (last instanceof Tuple e && e.arity() == 2 && e.get(0).equals(ERROR)) {
                        break;
                    }
                }
                return last;
            }
            if (op.equals(GETOPTS)) {
                return ErlList.of(new Tuple(Atom.of("binary"), Atom.FALSE), new Tuple(Atom.of("encoding"), Atom.of("unicode")));
            }
            if (op.equals(SETOPTS)) {
                return Atom.OK;
            }
            if (op.equals(Atom.of("get_chars")) || op.equals(Atom.of("get_line")) || op.equals(Atom.of("get_until"))) {
                return EOF;
            }
            return new Tuple(ERROR, Atom.of("request"));
        } catch (ProtocolException bad) {
            return new Tuple(ERROR, new Tuple(PUT_CHARS, Atom.of("badarg")));
        }
    }

    /**
     * The text of chardata: code points, binaries (UTF-8 when {@code unicode}, else Latin-1) and lists of
     * them, nested to any depth (walked without recursion).
     */
    static String chars(Term data, boolean unicode) {
        StringBuilder sb = new StringBuilder();
        Deque<Term> todo = new ArrayDeque<>();
        todo.push(data);
        while (!todo.isEmpty()) {
            Term t = todo.pop();
            if (t instanceof ErlInt i && i.value() >= 0 && i.value() <= Character.MAX_CODE_POINT) {
                sb.appendCodePoint((int) i.value());
            } else if (t instanceof Binary b) {
                sb.append(new String(b.bytes(), unicode ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            } else if (t instanceof ErlList l) {
                if (l.tail() != Nil.NIL) {
                    todo.push(l.tail());
                }
                Term[] es = l.elements();
                for (int i = es.length - 1; i >= 0; i--) {
                    todo.push(es[i]);
                }
            } else if (t != Nil.NIL) {
                throw new ProtocolException("badarg: " + t + " is not character data");
            }
        }
        return sb.toString();
    }
}
