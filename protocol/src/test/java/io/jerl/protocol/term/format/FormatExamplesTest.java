package io.jerl.protocol.term.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small examples of the API without an erl. Each expected text was printed by erl 25.2.3 for the same format and
 * arguments ({@link IoFormatErlTest} checks the same behaviour against a live erl on far more cases).
 */
class FormatExamplesTest {
    private static final Atom LOCAL = Atom.of("me@host");
    private static final TermStyle STYLE = TermStyle.of(LOCAL);

    private static String fmt(String format, Term... args) {
        return IoFormat.format(format, STYLE, args);
    }

    private static Term seq(int from, int to) {
        List<Term> l = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            l.add(ErlInt.of(i));
        }
        return ErlList.of(l);
    }

    @Test
    void fieldsAndNumbers() {
        // io_lib:format("~5.3w|~-5w|~.16#|~.16+|~3b|~e|~.2f|~g", [abcdef, ab, 255, 255, 12345, 1.0, 0.125, 0.05])
        assertEquals("  ***|ab   |16#FF|16#ff|***|1.00000e+0|0.13|5.00000e-2",
                fmt("~5.3w|~-5w|~.16#|~.16+|~3b|~e|~.2f|~g", Atom.of("abcdef"), Atom.of("ab"), ErlInt.of(255),
                        ErlInt.of(255), ErlInt.of(12345), new ErlFloat(1.0), new ErlFloat(0.125), new ErlFloat(0.05)));
        // io_lib:format("~5.3c|~-5.3c|~.5s|~5.3s|~5.3.*w|", [$a, $a, "ab", "abcdef", $x, ab])
        assertEquals("  aaa|aaa  |ab   |  abc|xxxab|", fmt("~5.3c|~-5.3c|~.5s|~5.3s|~5.3.*w|", ErlInt.of('a'),
                ErlInt.of('a'), ErlList.ofString("ab"), ErlList.ofString("abcdef"), ErlInt.of('x'), Atom.of("ab")));
    }

    @Test
    void prettyPrintingBreaksRelativeToTheColumn() {
        // io_lib:format("~p", [lists:seq(1, 40)])
        assertEquals("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                + " 29,30,31,32,33,34,35,36,37,38,39,40]", fmt("~p", seq(1, 40)));
        // io_lib:format("ab\tc~p", [lists:seq(1, 30)]): the tab moves the start to column 9
        assertEquals("ab\tc[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,\n"
                + "          26,27,28,29,30]", fmt("ab\tc~p", seq(1, 30)));
        // io_lib:format("~p", [{aaa..., bbb..., [ccc..., ddd...]}]): a tagged tuple indents by its tag
        Term t = new Tuple(Atom.of("a".repeat(39)), Atom.of("b".repeat(45)),
                ErlList.of(Atom.of("c".repeat(16)), Atom.of("d".repeat(19))));
        assertEquals("{" + "a".repeat(39) + ",\n    " + "b".repeat(45) + ",\n    [" + "c".repeat(16) + ","
                + "d".repeat(19) + "]}", fmt("~p", t));
    }

    @Test
    void stringsAtomsAndBinaries() {
        Atom alpha = Atom.of("\u03b1");
        // io_lib:format("~w ~tw ~p ~tp", ['α', 'α', [945], [228]])
        assertEquals("'\\x{3B1}' 'α' [945] \"ä\"", fmt("~w ~tw ~p ~tp", alpha, alpha, ErlList.ofString("α"),
                ErlList.ofString("ä")));
        // io_lib:format("~p ~tp ~tp", [<<"ä"/utf8>>, <<"ä"/utf8>>, <<"日本"/utf8>>])
        assertEquals("<<\"Ã¤\">> <<\"ä\"/utf8>> <<230,151,165,230,156,172>>",
                fmt("~p ~tp ~tp", Binary.of("ä"), Binary.of("ä"), Binary.of("日本")));
        // the same under erl +pc unicode
        assertEquals("<<\"日本\"/utf8>> \"日本\"", IoFormat.format("~tp ~tp",
                STYLE.withPrintableRange(TermStyle.PrintableRange.UNICODE), Binary.of("日本"), ErlList.ofString("日本")));
        // io_lib:format("~P ~W", [{a,{b,{c,{d}}}}, 3, #{a => 1}, 2])
        Term nested = new Tuple(Atom.of("a"), new Tuple(Atom.of("b"), new Tuple(Atom.of("c"), new Tuple(Atom.of("d")))));
        assertEquals("{a,{...}} #{a => 1,...}", fmt("~P ~W", nested, ErlInt.of(3),
                ErlMap.of(Atom.of("a"), ErlInt.of(1)), ErlInt.of(2)));
    }

    @Test
    void badFormatsAreBadarg() {
        for (String f : List.of("~q", "~", "~-10p", "~-3n", "~.0f", "~.37b")) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> fmt(f, new ErlFloat(1.0)), f);
            assertTrue(e.getMessage().startsWith("badarg: "), e.getMessage());
        }
        assertThrows(ProtocolException.class, () -> fmt("~w"));
        assertThrows(ProtocolException.class, () -> fmt("~w", ErlInt.of(1), ErlInt.of(2)));
        assertThrows(ProtocolException.class, () -> fmt("~s", ErlInt.of(1)));
        assertThrows(ProtocolException.class, () -> IoFormat.format(ErlInt.of(1), ErlList.of(), STYLE));
    }

    @Test
    void nodeNumberingDefaultsToFirstAppearance() {
        TermStyle style = TermStyle.of(LOCAL);
        Pid local = new Pid(LOCAL, 85, 0, 1);
        Pid a = new Pid(Atom.of("a@h"), 1, 2, 3);
        Port b = new Port(Atom.of("b@h"), 7, 3);
        Ref a2 = new Ref(Atom.of("a@h"), 3, new int[] {3, 2, 1});
        assertEquals("[<0.85.0>,<1.1.2>,#Port<2.7>,#Ref<1.1.2.3>]",
                TermWriter.write(ErlList.of(local, a, b, a2), style));
        assertEquals(0, style.nodeIndex(LOCAL));
        assertEquals(2, style.nodeIndex(Atom.of("b@h")));
        TermStyle given = TermStyle.of(LOCAL, n -> 4711);
        assertEquals("<4711.1.2>", TermWriter.write(a, given));
        assertEquals("<4711.1.2>", PrettyPrinter.print(a, given));
    }

    @Test
    void conveniencesAgreeWithFormat() {
        Term t = new Tuple(Atom.of("tag"), seq(1, 40), ErlList.ofString("text"), Binary.of("bin"));
        assertEquals(fmt("~tp", t), PrettyPrinter.print(t, STYLE));
        assertEquals(fmt("~tw", t), TermWriter.write(t, STYLE));
        assertEquals(fmt("~P", t, ErlInt.of(4)), PrettyPrinter.print(t, 1, 80, 4, false, true, STYLE));
        assertEquals(fmt("~W", t, ErlInt.of(4)), TermWriter.write(t, 4, false, STYLE));
        assertEquals(IoFormat.format(Binary.of("~p~n"), ErlList.of(t), STYLE),
                IoFormat.format(Atom.of("~p~n"), ErlList.of(t), STYLE));
    }

    /** As deep as the decoder lets a term nest (2048): printed without running out of stack. */
    @Test
    void deeplyNestedTermsPrint() {
        Term list = Atom.of("x");
        Term tuple = Atom.of("x");
        Term map = Atom.of("x");
        for (int i = 0; i < io.jerl.protocol.term.TermDecoder.DEFAULT_MAX_DEPTH; i++) {
            list = ErlList.of(list, ErlInt.of(i));
            tuple = new Tuple(Atom.of("t"), tuple);
            map = ErlMap.of(Atom.of("k"), map);
        }
        for (Term t : List.of(list, tuple, map)) {
            for (String f : List.of("~p", "~w", "~tp", "~P")) {
                String s = f.equals("~P") ? fmt(f, t, ErlInt.of(100000)) : fmt(f, t);
                assertTrue(s.length() > 2048, f);
            }
        }
    }
}
