package io.jerl.protocol.global;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The atoms of global's protocol and small helpers to build and take apart its terms. */
final class Terms {
    static final Atom GLOBAL_NAME_SERVER = Atom.of("global_name_server");
    static final Atom GLOBAL = Atom.of("global");
    static final Atom GEN_CALL = Atom.of("$gen_call");
    static final Atom GEN_CAST = Atom.of("$gen_cast");
    static final Atom UNDEFINED = Atom.UNDEFINED;
    static final Atom YES = Atom.of("yes");
    static final Atom NO_FUN = Atom.of("no_fun");

    // casts and plain messages between name servers
    static final Atom INIT_CONNECT = Atom.of("init_connect");
    static final Atom INIT_CONNECT_ACK = Atom.of("init_connect_ack");
    static final Atom CANCEL_CONNECT = Atom.of("cancel_connect");
    static final Atom LOCKER = Atom.of("locker");
    static final Atom NO_LONGER_A_PID = Atom.of("no_longer_a_pid");
    static final Atom LOCK_SET = Atom.of("lock_set");
    static final Atom LOCK_IS_SET = Atom.of("lock_is_set");
    static final Atom EXCHANGE = Atom.of("exchange");
    static final Atom EXCHANGE_OPS = Atom.of("exchange_ops");
    static final Atom RESOLVED = Atom.of("resolved");
    static final Atom UNUSED = Atom.of("unused");
    static final Atom NEW_NODES = Atom.of("new_nodes");
    static final Atom IN_SYNC = Atom.of("in_sync");
    static final Atom INSERT = Atom.of("insert");
    static final Atom DELETE = Atom.of("delete");
    static final Atom VSN = Atom.of("vsn");
    static final Atom LOCK = Atom.of("lock");
    static final Atom LOST_CONNECTION = Atom.of("lost_connection");
    static final Atom REMOVE_CONNECTION = Atom.of("remove_connection");
    static final Atom EXTRA_NODEDOWN = Atom.of("extra_nodedown");
    static final Atom ASYNC_DEL_NAME = Atom.of("async_del_name");
    static final Atom ASYNC_DEL_LOCK = Atom.of("async_del_lock");
    static final Atom DOWN = Atom.of("DOWN");

    // calls
    static final Atom REGISTER = Atom.of("register");
    static final Atom REGISTER_EXT = Atom.of("register_ext");
    static final Atom UNREGISTER = Atom.of("unregister");
    static final Atom SET_LOCK = Atom.of("set_lock");
    static final Atom DEL_LOCK = Atom.of("del_lock");
    static final Atom GET_KNOWN = Atom.of("get_known");
    static final Atom GET_SYNCED = Atom.of("get_synced");
    static final Atom GET_PROTOCOL_VERSION = Atom.of("get_protocol_version");
    static final Atom GET_NAMES_EXT = Atom.of("get_names_ext");

    // locker messages
    static final Atom HIS_THE_LOCKER = Atom.of("his_the_locker");
    static final Atom CANCEL = Atom.of("cancel");
    static final Atom ADD_TO_KNOWN = Atom.of("add_to_known");
    static final Atom REMOVE_FROM_KNOWN = Atom.of("remove_from_known");

    // jerl-internal events, put in the server's and callers' mailboxes by the node listener
    static final Atom J_NODEUP = Atom.of("$jerl_global_nodeup");
    static final Atom J_NODEDOWN = Atom.of("$jerl_global_nodedown");

    private Terms() {
    }

    static Tuple tuple(Term... elements) {
        return new Tuple(elements);
    }

    static Term list(Collection<? extends Term> elements) {
        return ErlList.of(new ArrayList<>(elements));
    }

    /** The elements of a proper list; empty for [] and for anything that is not a proper list. */
    static List<Term> elements(Term t) {
        if (t instanceof ErlList l && l.isProper()) {
            return List.of(l.elements());
        }
        return List.of();
    }

    static boolean isList(Term t) {
        return t == Nil.NIL || (t instanceof ErlList l && l.isProper());
    }

    /** True when {@code t} is a tuple of {@code arity} whose first element is {@code tag}. */
    static boolean is(Term t, Atom tag, int arity) {
        return t instanceof Tuple tu && tu.arity() == arity && tu.get(0).equals(tag);
    }

    static ErlInt num(long v) {
        return ErlInt.of(v);
    }

    static int compare(Term a, Term b) {
        return TermOrder.STANDARD.compare(a, b);
    }

    /** lists:max/1 of nodes. */
    static Atom max(Collection<Atom> nodes) {
        Atom best = null;
        for (Atom n : nodes) {
            if (best == null || compare(n, best) > 0) {
                best = n;
            }
        }
        return best;
    }

    static long intValue(Term t, long otherwise) {
        return t instanceof ErlInt i ? i.value() : otherwise;
    }
}
