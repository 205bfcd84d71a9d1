package io.jerl.protocol.dist;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;

/**
 * The control messages of a distribution connection (erl_dist_protocol, "Protocol between Connected
 * Nodes"). Each knows its tuple form; {@link ControlMessages#parse} reads them back. Messages that carry a
 * payload (the message of a send, the reason of a PAYLOAD_ exit) say so with {@link #hasPayload()}.
 */
public sealed interface ControlMessage {
    int LINK = 1;
    int SEND = 2;
    int EXIT = 3;
    int REG_SEND = 6;
    int GROUP_LEADER = 7;
    int EXIT2 = 8;
    int SEND_TT = 12;
    int EXIT_TT = 13;
    int REG_SEND_TT = 16;
    int EXIT2_TT = 18;
    int MONITOR_P = 19;
    int DEMONITOR_P = 20;
    int MONITOR_P_EXIT = 21;
    int SEND_SENDER = 22;
    int SEND_SENDER_TT = 23;
    int PAYLOAD_EXIT = 24;
    int PAYLOAD_EXIT_TT = 25;
    int PAYLOAD_EXIT2 = 26;
    int PAYLOAD_EXIT2_TT = 27;
    int PAYLOAD_MONITOR_P_EXIT = 28;
    int SPAWN_REQUEST = 29;
    int SPAWN_REQUEST_TT = 30;
    int SPAWN_REPLY = 31;
    int SPAWN_REPLY_TT = 32;
    int ALIAS_SEND = 33;
    int ALIAS_SEND_TT = 34;
    int UNLINK_ID = 35;
    int UNLINK_ID_ACK = 36;
    int ALTACT_SIG_SEND = 37;

    /** The control tuple as it goes on the wire. */
    Tuple toTuple();

    default boolean hasPayload() {
        return false;
    }

    /** SEND / SEND_TT / SEND_SENDER / SEND_SENDER_TT: a message to a pid. {@code from} is null when the op has none. */
    record Send(Pid from, Pid to, Term traceToken) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            if (from != null) {
                return traceToken == null
                        ? new Tuple(op(SEND_SENDER), from, to)
                        : new Tuple(op(SEND_SENDER_TT), from, to, traceToken);
            }
            return traceToken == null
                    ? new Tuple(op(SEND), Atom.EMPTY, to)
                    : new Tuple(op(SEND_TT), Atom.EMPTY, to, traceToken);
        }

        @Override
        public boolean hasPayload() {
            return true;
        }
    }

    /** REG_SEND / REG_SEND_TT: a message to a registered name. */
    record RegSend(Pid from, Atom toName, Term traceToken) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return traceToken == null
                    ? new Tuple(op(REG_SEND), from, Atom.EMPTY, toName)
                    : new Tuple(op(REG_SEND_TT), from, Atom.EMPTY, toName, traceToken);
        }

        @Override
        public boolean hasPayload() {
            return true;
        }
    }

    /** ALIAS_SEND / ALIAS_SEND_TT: a message to a process alias. */
    record AliasSend(Pid from, Ref alias, Term traceToken) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return traceToken == null
                    ? new Tuple(op(ALIAS_SEND), from, alias)
                    : new Tuple(op(ALIAS_SEND_TT), from, alias, traceToken);
        }

        @Override
        public boolean hasPayload() {
            return true;
        }
    }

    /**
     * ALTACT_SIG_SEND (OTP 28+): a message, or with {@link #EXIT} an exit signal, to a pid, a registered name
     * ({@link #NAME}) or an alias ({@link #ALIAS}), possibly a priority one ({@link #PRIO}). The payload is the
     * message or the exit reason.
     */
    record AltactSigSend(long flags, Pid from, Term to, Term traceToken) implements ControlMessage {
        public static final long PRIO = 1;
        public static final long TOKEN = 2;
        public static final long ALIAS = 4;
        public static final long NAME = 8;
        public static final long EXIT = 16;

        /** A plain message to an alias, as OTP 28+ sends one to a peer that offers ALTACT_SIG. */
        public static AltactSigSend toAlias(Pid from, Ref alias) {
            return new AltactSigSend(ALIAS, from, alias, null);
        }

        public boolean is(long flag) {
            return (flags & flag) != 0;
        }

        @Override
        public Tuple toTuple() {
            return traceToken == null
                    ? new Tuple(op(ALTACT_SIG_SEND), ErlInt.of(flags), from, to)
                    : new Tuple(op(ALTACT_SIG_SEND), ErlInt.of(flags | TOKEN), from, to, traceToken);
        }

        @Override
        public boolean hasPayload() {
            return true;
        }
    }

    record Link(Pid from, Pid to) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(LINK), from, to);
        }
    }

    record UnlinkId(long id, Pid from, Pid to) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(UNLINK_ID), ErlInt.of(id), from, to);
        }
    }

    record UnlinkIdAck(long id, Pid from, Pid to) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(UNLINK_ID_ACK), ErlInt.of(id), from, to);
        }
    }

    /**
     * An exit signal: EXIT (a linked process died) or EXIT2 (erlang:exit/2), with the reason in the tuple or,
     * for the PAYLOAD_ forms, as the payload.
     */
    record Exit(boolean linked, Pid from, Pid to, Term reason, Term traceToken, boolean reasonAsPayload)
            implements ControlMessage {
        @Override
        public Tuple toTuple() {
            if (reasonAsPayload) {
                int code = linked ? (traceToken == null ? PAYLOAD_EXIT : PAYLOAD_EXIT_TT)
                        : (traceToken == null ? PAYLOAD_EXIT2 : PAYLOAD_EXIT2_TT);
                return traceToken == null ? new Tuple(op(code), from, to) : new Tuple(op(code), from, to, traceToken);
            }
            int code = linked ? (traceToken == null ? EXIT : EXIT_TT) : (traceToken == null ? EXIT2 : EXIT2_TT);
            return traceToken == null
                    ? new Tuple(op(code), from, to, reason)
                    : new Tuple(op(code), from, to, traceToken, reason);
        }

        @Override
        public boolean hasPayload() {
            return reasonAsPayload;
        }
    }

    /** MONITOR_P: {@code from} monitors {@code target}, a pid or a registered name on the receiving node. */
    record MonitorP(Pid from, Term target, Ref ref) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(MONITOR_P), from, target, ref);
        }
    }

    record DemonitorP(Pid from, Term target, Ref ref) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(DEMONITOR_P), from, target, ref);
        }
    }

    /** MONITOR_P_EXIT: the monitored {@code target} (pid or name) is gone; {@code watcher} gets its 'DOWN'. */
    record MonitorPExit(Term target, Pid watcher, Ref ref, Term reason, boolean reasonAsPayload)
            implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return reasonAsPayload
                    ? new Tuple(op(PAYLOAD_MONITOR_P_EXIT), target, watcher, ref)
                    : new Tuple(op(MONITOR_P_EXIT), target, watcher, ref, reason);
        }

        @Override
        public boolean hasPayload() {
            return reasonAsPayload;
        }
    }

    record GroupLeader(Pid from, Pid to) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return new Tuple(op(GROUP_LEADER), from, to);
        }
    }

    /** SPAWN_REQUEST: the payload is the argument list. */
    record SpawnRequest(Ref reqId, Pid from, Pid groupLeader, Tuple mfa, Term options, Term traceToken)
            implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return traceToken == null
                    ? new Tuple(op(SPAWN_REQUEST), reqId, from, groupLeader, mfa, options)
                    : new Tuple(op(SPAWN_REQUEST_TT), reqId, from, groupLeader, mfa, options, traceToken);
        }

        @Override
        public boolean hasPayload() {
            return true;
        }
    }

    record SpawnReply(Ref reqId, Pid to, long flags, Term result, Term traceToken) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return traceToken == null
                    ? new Tuple(op(SPAWN_REPLY), reqId, to, ErlInt.of(flags), result)
                    : new Tuple(op(SPAWN_REPLY_TT), reqId, to, ErlInt.of(flags), result, traceToken);
        }
    }

    /** An op jerl does not know, or knows but cannot read; kept so it can be logged and skipped. */
    record Unknown(Tuple raw) implements ControlMessage {
        @Override
        public Tuple toTuple() {
            return raw;
        }
    }

    private static ErlInt op(int code) {
        return ErlInt.of(code);
    }
}
