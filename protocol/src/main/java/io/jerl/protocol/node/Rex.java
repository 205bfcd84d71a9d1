package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.List;

/**
 * The {@code rex} server peers expect: it tells OTP 25's rpc that this node runs erpc, and serves the
 * older requests that still come to it ({@code rpc:block_call}, gen_server calls and casts of
 * {@code {call | block_call | cast, M, F, A, GroupLeader}}). Each call runs as a process of its own.
 */
final class Rex {
    private static final Atom FEATURES_REQUEST = Atom.of("features_request");
    private static final Atom FEATURES_REPLY = Atom.of("features_reply");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Atom CALL = Atom.of("call");
    private static final Atom BLOCK_CALL = Atom.of("block_call");
    private static final Atom CAST = Atom.of("cast");
    private static final Atom BADRPC = Atom.of("badrpc");
    private static final Atom EXIT = Atom.of("EXIT");

    private final Node node;
    private ServiceProcess self;

    private Rex(Node node) {
        this.node = node;
    }

    static void start(Node node) {
        Rex rex = new Rex(node);
        rex.self = node.spawnService("rex", rex::handle);
    }

    private void handle(Term message) {
        if (!(message instanceof Tuple t)) {
            return;
        }
        if (t.arity() == 2 && t.get(0) instanceof Pid from && t.get(1).equals(FEATURES_REQUEST)) {
            node.send(self.pid(), from, new Tuple(FEATURES_REPLY, node.name(), ErlList.of(Atom.of("erpc"))));
        } else if (t.arity() == 3 && t.get(0).equals(GEN_CALL) && t.get(1) instanceof Tuple from && from.arity() == 2
                && t.get(2) instanceof Tuple req && req.arity() == 5
                && (req.get(0).equals(CALL) || req.get(0).equals(BLOCK_CALL))) {
            run(req, reply -> node.send(self.pid(), from.get(0), new Tuple(from.get(1), reply)));
        } else if (t.arity() == 2 && t.get(0).equals(GEN_CAST) && t.get(1) instanceof Tuple req && req.arity() == 5
                && req.get(0).equals(CAST)) {
            run(req, reply -> { });
        }
    }

    /** Runs {Tag, M, F, A, GroupLeader} in a new process and hands rpc's reply (value or {badrpc, ...}) on. */
    private void run(Tuple req, java.util.function.Consumer<Term> replyTo) {
        List<Term> args = Spawner.properList(req.get(3));
        Mailbox proc = node.spawnMailbox();
        if (req.get(4) instanceof Pid gl) {
            proc.setGroupLeader(gl);
        }
        node.spawner().start(proc, () -> {
            replyTo.accept(call(proc, req.get(1), req.get(2), args));
            return LocalProcess.NORMAL;
        });
    }

    /** rpc's own execute_call: the value; a throw's value; {badrpc, {'EXIT', ...}} for exits and errors. */
    private Term call(Mailbox proc, Term module, Term function, List<Term> args) {
        if (!(module instanceof Atom m) || !(function instanceof Atom f) || args == null) {
            return new Tuple(BADRPC, new Tuple(EXIT, Atom.of("badarg")));
        }
        try {
            return node.functions().call(proc, m, f, args);
        } catch (ErlangException e) {
            if (e.kind().equals(ErlangException.THROW)) {
                return e.reason();
            }
            Term why = e.kind().equals(ErlangException.EXIT) ? e.reason() : new Tuple(e.reason(), e.stacktrace());
            return new Tuple(BADRPC, new Tuple(EXIT, why));
        } catch (InterruptedException e) {
            return new Tuple(BADRPC, new Tuple(EXIT, LocalProcess.KILLED));
        }
    }
}
