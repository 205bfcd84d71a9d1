package io.jerl.protocol.dist;

import io.jerl.protocol.dist.ControlMessage.AliasSend;
import io.jerl.protocol.dist.ControlMessage.AltactSigSend;
import io.jerl.protocol.dist.ControlMessage.DemonitorP;
import io.jerl.protocol.dist.ControlMessage.Exit;
import io.jerl.protocol.dist.ControlMessage.GroupLeader;
import io.jerl.protocol.dist.ControlMessage.Link;
import io.jerl.protocol.dist.ControlMessage.MonitorP;
import io.jerl.protocol.dist.ControlMessage.MonitorPExit;
import io.jerl.protocol.dist.ControlMessage.RegSend;
import io.jerl.protocol.dist.ControlMessage.Send;
import io.jerl.protocol.dist.ControlMessage.SpawnReply;
import io.jerl.protocol.dist.ControlMessage.SpawnRequest;
import io.jerl.protocol.dist.ControlMessage.UnlinkId;
import io.jerl.protocol.dist.ControlMessage.UnlinkIdAck;
import io.jerl.protocol.dist.ControlMessage.Unknown;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;

/**
 * Reads a control tuple into a {@link ControlMessage}. A tuple whose op is unknown, or whose fields have the
 * wrong types, becomes {@link Unknown}: the connection logs and skips it rather than dropping the peer.
 */
public final class ControlMessages {
    private ControlMessages() {
    }

    /** @param payload the term after the control term in the frame, or null when there is none */
    public static ControlMessage parse(Term control, Term payload) {
        if (!(control instanceof Tuple t) || t.arity() == 0 || !(t.get(0) instanceof ErlInt opTerm)) {
            return new Unknown(control instanceof Tuple t2 ? t2 : new Tuple(control));
        }
        ControlMessage m = parse((int) opTerm.value(), t, payload);
        return m != null ? m : new Unknown(t);
    }

    private static ControlMessage parse(int op, Tuple t, Term payload) {
        int n = t.arity();
        return switch (op) {
            case ControlMessage.SEND -> n == 3 ? send(null, t.get(2), null) : null;
            case ControlMessage.SEND_TT -> n == 4 ? send(null, t.get(2), t.get(3)) : null;
            case ControlMessage.SEND_SENDER -> n == 3 ? send(t.get(1), t.get(2), null) : null;
            case ControlMessage.SEND_SENDER_TT -> n == 4 ? send(t.get(1), t.get(2), t.get(3)) : null;
            case ControlMessage.REG_SEND -> n == 4 ? regSend(t.get(1), t.get(3), null) : null;
            case ControlMessage.REG_SEND_TT -> n == 5 ? regSend(t.get(1), t.get(3), t.get(4)) : null;
            case ControlMessage.ALIAS_SEND -> n == 3 && t.get(1) instanceof Pid f && t.get(2) instanceof Ref a
                    ? new AliasSend(f, a, null) : null;
            case ControlMessage.ALIAS_SEND_TT -> n == 4 && t.get(1) instanceof Pid f && t.get(2) instanceof Ref a
                    ? new AliasSend(f, a, t.get(3)) : null;
            case ControlMessage.ALTACT_SIG_SEND -> altactSigSend(t, payload);
            case ControlMessage.LINK -> n == 3 && t.get(1) instanceof Pid f && t.get(2) instanceof Pid to
                    ? new Link(f, to) : null;
            case ControlMessage.UNLINK_ID, ControlMessage.UNLINK_ID_ACK -> unlink(op, t);
            case ControlMessage.EXIT -> n == 4 ? exit(true, t.get(1), t.get(2), t.get(3), null, false) : null;
            case ControlMessage.EXIT_TT -> n == 5 ? exit(true, t.get(1), t.get(2), t.get(4), t.get(3), false) : null;
            case ControlMessage.EXIT2 -> n == 4 ? exit(false, t.get(1), t.get(2), t.get(3), null, false) : null;
            case ControlMessage.EXIT2_TT -> n == 5 ? exit(false, t.get(1), t.get(2), t.get(4), t.get(3), false) : null;
            case ControlMessage.PAYLOAD_EXIT -> n == 3 ? exit(true, t.get(1), t.get(2), payload, null, true) : null;
            case ControlMessage.PAYLOAD_EXIT_TT -> n == 4 ? exit(true, t.get(1), t.get(2), payload, t.get(3), true) : null;
            case ControlMessage.PAYLOAD_EXIT2 -> n == 3 ? exit(false, t.get(1), t.get(2), payload, null, true) : null;
            case ControlMessage.PAYLOAD_EXIT2_TT -> n == 4 ? exit(false, t.get(1), t.get(2), payload, t.get(3), true) : null;
            case ControlMessage.MONITOR_P -> n == 4 && t.get(1) instanceof Pid f && t.get(3) instanceof Ref r
                    ? new MonitorP(f, t.get(2), r) : null;
            case ControlMessage.DEMONITOR_P -> n == 4 && t.get(1) instanceof Pid f && t.get(3) instanceof Ref r
                    ? new DemonitorP(f, t.get(2), r) : null;
            case ControlMessage.MONITOR_P_EXIT -> n == 5 && t.get(2) instanceof Pid w && t.get(3) instanceof Ref r
                    ? new MonitorPExit(t.get(1), w, r, t.get(4), false) : null;
            case ControlMessage.PAYLOAD_MONITOR_P_EXIT -> n == 4 && payload != null && t.get(2) instanceof Pid w
                    && t.get(3) instanceof Ref r ? new MonitorPExit(t.get(1), w, r, payload, true) : null;
            case ControlMessage.GROUP_LEADER -> n == 3 && t.get(1) instanceof Pid f && t.get(2) instanceof Pid to
                    ? new GroupLeader(f, to) : null;
            case ControlMessage.SPAWN_REQUEST, ControlMessage.SPAWN_REQUEST_TT -> spawnRequest(op, t, payload);
            case ControlMessage.SPAWN_REPLY, ControlMessage.SPAWN_REPLY_TT -> spawnReply(op, t);
            default -> null;
        };
    }

    private static ControlMessage send(Term from, Term to, Term traceToken) {
        if (!(to instanceof Pid toPid) || (from != null && !(from instanceof Pid))) {
            return null;
        }
        return new Send((Pid) from, toPid, traceToken);
    }

    private static ControlMessage altactSigSend(Tuple t, Term payload) {
        if (t.arity() < 4 || !(t.get(1) instanceof ErlInt flags) || !(t.get(2) instanceof Pid from) || payload == null) {
            return null;
        }
        long f = flags.value();
        boolean token = (f & AltactSigSend.TOKEN) != 0;
        Term to = t.get(3);
        boolean toFits = (f & AltactSigSend.ALIAS) != 0 ? to instanceof Ref
                : (f & AltactSigSend.NAME) != 0 ? to instanceof Atom : to instanceof Pid;
        if (t.arity() != (token ? 5 : 4) || !toFits) {
            return null;
        }
        return new AltactSigSend(f, from, to, token ? t.get(4) : null);
    }

    private static ControlMessage regSend(Term from, Term name, Term traceToken) {
        return from instanceof Pid f && name instanceof Atom a ? new RegSend(f, a, traceToken) : null;
    }

    private static ControlMessage exit(boolean linked, Term from, Term to, Term reason, Term tt, boolean payload) {
        if (!(from instanceof Pid f) || !(to instanceof Pid toPid) || reason == null) {
            return null;
        }
        return new Exit(linked, f, toPid, reason, tt, payload);
    }

    private static ControlMessage unlink(int op, Tuple t) {
        if (t.arity() != 4 || !(t.get(1) instanceof ErlInt id) || !(t.get(2) instanceof Pid f)
                || !(t.get(3) instanceof Pid to)) {
            return null;
        }
        return op == ControlMessage.UNLINK_ID ? new UnlinkId(id.value(), f, to) : new UnlinkIdAck(id.value(), f, to);
    }

    private static ControlMessage spawnRequest(int op, Tuple t, Term args) {
        boolean tt = op == ControlMessage.SPAWN_REQUEST_TT;
        if (t.arity() != (tt ? 7 : 6) || args == null || !(t.get(1) instanceof Ref req) || !(t.get(2) instanceof Pid from)
                || !(t.get(3) instanceof Pid gl) || !(t.get(4) instanceof Tuple mfa) || mfa.arity() != 3) {
            return null;
        }
        return new SpawnRequest(req, from, gl, mfa, t.get(5), tt ? t.get(6) : null);
    }

    private static ControlMessage spawnReply(int op, Tuple t) {
        boolean tt = op == ControlMessage.SPAWN_REPLY_TT;
        if (t.arity() != (tt ? 6 : 5) || !(t.get(1) instanceof Ref req) || !(t.get(2) instanceof Pid to)
                || !(t.get(3) instanceof ErlInt flags)) {
            return null;
        }
        return new SpawnReply(req, to, flags.value(), t.get(4), tt ? t.get(5) : null);
    }
}
