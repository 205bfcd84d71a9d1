package io.jerl.protocol.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jerl.protocol.dist.ControlMessage.AltactSigSend;
import io.jerl.protocol.dist.ControlMessage.Unknown;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import org.junit.jupiter.api.Test;

/**
 * ALTACT_SIG_SEND (op 37, OTP 28+) read and written: {@code {37, Flags, From, To}} or, with the token flag,
 * {@code {37, Flags, From, To, Token}}; To must be what the flags say (alias, name or pid). Anything else is
 * {@link Unknown}, which the connection logs and skips. The real-erl side is in LinkMonitorInteropTest.
 */
class AltactSigSendTest {
    private static final Pid FROM = new Pid(Atom.of("erl@h"), 80, 0, 7);
    private static final Pid TO = new Pid(Atom.of("jerl@h"), 5, 0, 3);
    private static final Ref ALIAS = new Ref(Atom.of("jerl@h"), 3, new int[] {1, 2, 3});
    private static final Term MSG = Atom.of("hello");

    private static ControlMessage parse(long flags, Term to, Term... token) {
        Term[] t = new Term[4 + token.length];
        t[0] = ErlInt.of(ControlMessage.ALTACT_SIG_SEND);
        t[1] = ErlInt.of(flags);
        t[2] = FROM;
        t[3] = to;
        System.arraycopy(token, 0, t, 4, token.length);
        return ControlMessages.parse(new Tuple(t), MSG);
    }

    @Test
    void eachKindOfTargetAsTheFlagsSay() {
        assertEquals(new AltactSigSend(0, FROM, TO, null), parse(0, TO));
        assertEquals(new AltactSigSend(AltactSigSend.ALIAS | AltactSigSend.PRIO, FROM, ALIAS, null),
                parse(AltactSigSend.ALIAS | AltactSigSend.PRIO, ALIAS));
        assertEquals(new AltactSigSend(AltactSigSend.NAME, FROM, Atom.of("shell"), null),
                parse(AltactSigSend.NAME, Atom.of("shell")));
        AltactSigSend exit = assertInstanceOf(AltactSigSend.class, parse(AltactSigSend.EXIT, TO));
        assertEquals(true, exit.is(AltactSigSend.EXIT));
        assertEquals(Atom.of("tok"), assertInstanceOf(AltactSigSend.class,
                parse(AltactSigSend.TOKEN, TO, Atom.of("tok"))).traceToken());
    }

    @Test
    void aTargetTheFlagsDoNotDescribeOrAMissingTokenIsUnknown() {
        assertInstanceOf(Unknown.class, parse(AltactSigSend.ALIAS, TO));
        assertInstanceOf(Unknown.class, parse(AltactSigSend.NAME, ALIAS));
        assertInstanceOf(Unknown.class, parse(0, Atom.of("shell")));
        assertInstanceOf(Unknown.class, parse(AltactSigSend.TOKEN, TO));
        assertInstanceOf(Unknown.class, parse(0, TO, Atom.of("token without its flag")));
        assertInstanceOf(Unknown.class, ControlMessages.parse(new Tuple(ErlInt.of(37), ErlInt.of(0), FROM, TO), null),
                "no message");
    }

    @Test
    void writtenAsReadAndAliasSendsCarryTheAliasFlag() {
        AltactSigSend a = AltactSigSend.toAlias(TO, ALIAS);
        assertEquals(new Tuple(ErlInt.of(37), ErlInt.of(AltactSigSend.ALIAS), TO, ALIAS), a.toTuple());
        assertEquals(a, ControlMessages.parse(a.toTuple(), MSG));
        AltactSigSend traced = new AltactSigSend(AltactSigSend.ALIAS, TO, ALIAS, Atom.of("tok"));
        assertEquals(new AltactSigSend(AltactSigSend.ALIAS | AltactSigSend.TOKEN, TO, ALIAS, Atom.of("tok")),
                ControlMessages.parse(traced.toTuple(), MSG));
    }
}
