package io.jerl.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import org.junit.jupiter.api.Test;

class BinariesTest {
    private final Evaluator ev = new Evaluator(new BuiltinRegistry());
    private final CallContext ctx = ev.context(null, null, null, null);
    private final Bindings b = new Bindings();

    Term run(String text) throws InterruptedException {
        ParseResult r = ExprParser.parse(text);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error: " + r);
        }
        return ev.evalBody(p.exprs(), b, ctx);
    }

    static Binary bin(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return new Binary(out);
    }

    @Test
    void construct() throws Exception {
        assertEquals(Binary.of("abc"), run("<<\"abc\">>."));
        assertEquals(bin(1, 2, 3), run("<<1, 2, 3>>."));
        assertEquals(bin(1, 0), run("X = 256, <<X:16>>."));
        assertEquals(bin(0, 1), run("<<256:16/little>>."));
        assertEquals(bin(255), run("<<-1>>."));
        assertEquals(Binary.of("é"), run("<<\"é\"/utf8>>."));
        assertEquals(bin(1, 'a', 'b'), run("<<1, <<\"ab\">>/binary>>."));
        assertEquals(new BitString(new byte[] {(byte) 0xA0}, 3), run("<<5:3>>."));
        assertEquals(bin(0x3F, 0xF0, 0, 0, 0, 0, 0, 0), run("<<1.0/float>>."));
        assertEquals(Binary.EMPTY, run("<<>>."));
        assertEquals(Atom.of("badarg"), assertThrows(ErlangException.class, () -> run("<<a>>.")).reason());
    }

    @Test
    void match() throws Exception {
        run("<<A:16, Rest/binary>> = <<1, 2, 3, 4>>.");
        assertEquals(ErlInt.of(258), b.get("A"));
        assertEquals(bin(3, 4), b.get("Rest"));
        run("<<\"ab\", T/binary>> = <<\"abcd\">>.");
        assertEquals(Binary.of("cd"), b.get("T"));
        run("<<S:8/signed>> = <<255>>.");
        assertEquals(ErlInt.of(-1), b.get("S"));
        run("<<L:16/little>> = <<1, 0>>.");
        assertEquals(ErlInt.of(1), b.get("L"));
        run("<<N:8, Payload:N/binary, _/binary>> = <<2, 9, 8, 7>>.");
        assertEquals(bin(9, 8), b.get("Payload"));
        run("<<F/float>> = <<1.5/float>>.");
        assertEquals(new ErlFloat(1.5), b.get("F"));
        run("<<C/utf8, _/binary>> = <<\"é!\"/utf8>>.");
        assertEquals(ErlInt.of(0xE9), b.get("C"));
        assertThrows(ErlangException.class, () -> run("<<_:16>> = <<1>>."));
        assertThrows(ErlangException.class, () -> run("<<1>> = <<2>>."));
    }

    @Test
    void comprehensions() throws Exception {
        assertEquals(io.jerl.protocol.term.ErlList.of(ErlInt.of(1), ErlInt.of(2), ErlInt.of(3)),
                run("[X || <<X:8>> <= <<1, 2, 3>>]."));
        assertEquals(bin(2, 4, 6), run("<< <<(X * 2)>> || <<X>> <= <<1, 2, 3>> >>."));
        assertEquals(bin(1, 2), run("<< <<X>> || X <- [1, 2] >>."));
        assertEquals(Atom.of("ok"), run("receive after 1 -> ok end."));
    }
}
