package io.jerl.protocol.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order rules that OTP 25 showed in experiments (TermOrderErlTest checks them all against erl), stated
 * one by one so that a change to one of them names the rule it breaks.
 */
class TermOrderTest {
    private static final Atom N = Atom.of("a@h");

    private static int std(Term a, Term b) {
        return Integer.signum(TermOrder.STANDARD.compare(a, b));
    }

    private static int key(Term a, Term b) {
        return Integer.signum(TermOrder.MAP_KEY.compare(a, b));
    }

    @Test
    void typesInErlsOrder() {
        List<Term> ascending = List.of(ErlInt.of(1), Atom.of("a"), new Ref(N, 1, new int[] {1}),
                new ExportFun(Atom.of("m"), Atom.of("f"), 0), new Port(N, 1, 1), new Pid(N, 1, 0, 1), Tuple.EMPTY,
                ErlMap.EMPTY, Nil.NIL, ErlList.of(Atom.of("a")), Binary.EMPTY);
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                assertEquals(Integer.compare(i, j), std(ascending.get(i), ascending.get(j)), ascending.get(i) + " vs " + ascending.get(j));
            }
        }
    }

    @Test
    void numbersCompareExactly() {
        BigInteger two53 = BigInteger.ONE.shiftLeft(53);
        assertEquals(0, std(ErlInt.of(1), new ErlFloat(1.0)));
        assertEquals(-1, std(new ErlFloat(9007199254740992.0), ErlInt.of(two53.add(BigInteger.ONE))));
        assertEquals(0, std(new ErlFloat(0x1p64), ErlInt.of(BigInteger.ONE.shiftLeft(64))));
        assertEquals(1, std(ErlInt.of(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE)), new ErlFloat(0x1p64)));
        assertEquals(1, std(ErlInt.of(BigInteger.ONE.shiftLeft(1024)), new ErlFloat(Double.MAX_VALUE)));
        assertEquals(0, std(new ErlFloat(-0.0), new ErlFloat(0.0)));
    }

    @Test
    void mapKeysPutEveryIntegerBeforeEveryFloat() {
        assertEquals(-1, key(ErlInt.of(3), new ErlFloat(2.0)));
        assertEquals(-1, key(ErlInt.of(BigInteger.ONE.shiftLeft(70)), new ErlFloat(-1e300)));
        assertEquals(-1, key(new Tuple(ErlInt.of(2)), new Tuple(new ErlFloat(1.0))));
        assertEquals(-1, key(new ErlFloat(-0.0), new ErlFloat(0.0)), "a total order splits what OTP 25 calls =:=");
        // Maps compare keys in that exact order even under STANDARD: #{1 => a} < #{1.0 => a}, #{2 => a} < #{1.0 => a}.
        assertEquals(-1, std(ErlMap.of(ErlInt.of(1), Atom.of("a")), ErlMap.of(new ErlFloat(1.0), Atom.of("a"))));
        assertEquals(-1, std(ErlMap.of(ErlInt.of(2), Atom.of("a")), ErlMap.of(new ErlFloat(1.0), Atom.of("a"))));
        assertEquals(0, std(ErlMap.of(Atom.of("a"), ErlInt.of(1)), ErlMap.of(Atom.of("a"), new ErlFloat(1.0))));
    }

    @Test
    void pidsBySerialThenIdThenNodeThenCreation() {
        Atom b = Atom.of("b@h");
        assertEquals(-1, std(new Pid(b, 9, 0, 9), new Pid(N, 0, 1, 0)), "serial first");
        assertEquals(-1, std(new Pid(b, 1, 0, 9), new Pid(N, 2, 0, 0)), "then id");
        assertEquals(-1, std(new Pid(N, 1, 0, 9), new Pid(b, 1, 0, 0)), "then node");
        assertEquals(-1, std(new Pid(N, 1, 0, 1), new Pid(N, 1, 0, -1)), "then creation, unsigned");
        assertEquals(-1, std(new Pid(N, 0x7FFFFFFF, 0, 1), new Pid(N, 0x80000000, 0, 1)), "ids unsigned");
    }

    @Test
    void portsByNodeThenCreationThenId() {
        assertEquals(-1, std(new Port(N, 99, 9), new Port(Atom.of("b@h"), 0, 0)));
        assertEquals(-1, std(new Port(N, 99, 1), new Port(N, 0, 2)));
        assertEquals(-1, std(new Port(N, 1, 1), new Port(N, -1L, 1)), "ids unsigned");
    }

    @Test
    void refsByNodeThenCreationThenWordsFromTheLast() {
        assertEquals(-1, std(new Ref(N, 9, new int[] {9, 9, 9}), new Ref(Atom.of("b@h"), 0, new int[] {0})));
        assertEquals(-1, std(new Ref(N, 1, new int[] {9, 9, 9}), new Ref(N, 2, new int[] {0})));
        assertEquals(-1, std(new Ref(N, 1, new int[] {5, 4, 3, 2, 1}), new Ref(N, 1, new int[] {1, 2, 3, 4, 5})));
        assertEquals(-1, std(new Ref(N, 1, new int[] {-1, 0, 0}), new Ref(N, 1, new int[] {0, 1})));
        Ref shortRef = new Ref(N, 1, new int[] {1});
        Ref padded = new Ref(N, 1, new int[] {1, 0});
        assertEquals(0, std(shortRef, padded), "erl: missing words count as zero, so these are =:=");
        assertEquals(0, key(shortRef, padded), "and so are they under the total order and equals");
        assertEquals(shortRef, padded);
        assertEquals(shortRef.hashCode(), padded.hashCode());
    }

    @Test
    void localFunsBeforeExternalFuns() {
        Fun local = new Fun(Atom.of("zzz"), 0, 0, 0, TermEncoder.toBinary(Nil.NIL));
        assertEquals(-1, std(local, new ExportFun(Atom.of("a"), Atom.of("a"), 0)));
        assertEquals(-1, std(new ExportFun(Atom.of("a"), Atom.of("b"), 2), new ExportFun(Atom.of("b"), Atom.of("a"), 0)));
        assertEquals(-1, std(new ExportFun(Atom.of("a"), Atom.of("a"), 3), new ExportFun(Atom.of("a"), Atom.of("b"), 0)));
    }

    @Test
    void listsAndBitstrings() {
        Atom a = Atom.of("a");
        assertEquals(1, std(new ErlList(new Term[] {ErlInt.of(1)}, Binary.EMPTY), ErlList.of(ErlInt.of(1), ErlInt.of(2))),
                "[1|<<>>] > [1,2]: the tail <<>> meets the list [2]");
        assertEquals(-1, std(new ErlList(new Term[] {ErlInt.of(1)}, a), ErlList.of(ErlInt.of(1))));
        List<Term> bits = new ArrayList<>(List.of(new BitString(new byte[] {(byte) 0xA0}, 3), new Binary(new byte[] {(byte) 128}),
                new BitString(new byte[] {(byte) 0x80}, 7), new BitString(new byte[] {(byte) 0x80}, 1), new Binary(new byte[] {1, 2}),
                new Binary(new byte[] {1}), new BitString(new byte[] {0}, 1), Binary.EMPTY));
        bits.sort(TermOrder.STANDARD);
        // lists:sort([<<128>>, <<1:1>>, <<>>, <<0:1>>, <<64:7>>, <<1,2>>, <<1>>, <<5:3>>]) on OTP 25
        assertEquals("[<<>>, <<0:1>>, <<1>>, <<1,2>>, <<1:1>>, <<64:7>>, <<128>>, <<5:3>>]", bits.toString());
    }
}
