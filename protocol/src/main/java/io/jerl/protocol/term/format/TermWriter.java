package io.jerl.protocol.term.format;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * erl's {@code ~w} / {@code ~W} ({@code io_lib:write/2}): a term on one line, optionally cut at a depth, with pids,
 * ports and references numbered as a {@link TermStyle} says. This is {@link TermPrinter} with a style, a depth and
 * the choice between {@code ~w} (atoms with non-Latin-1 characters written as {@code \x{...}}) and {@code ~tw}.
 *
 * <p>Maps of up to 32 keys print in erl's key order, as erl keeps them. erl prints a larger map in an order that
 * comes from its hash-map layout; a map decoded from erl holds its pairs in the reverse of that order (that is
 * how term_to_binary lists them), so larger maps print in the reverse of the order the {@link ErlMap} holds. A
 * large map built in Java therefore prints in reverse insertion order, where erl would use its hash order.
 */
public final class TermWriter {
    /** erl keeps maps of up to this many keys sorted ("flatmaps"); larger ones are hash maps. */
    static final int FLATMAP_MAX = 32;

    private TermWriter() {
    }

    /** {@code io_lib:format("~tw", [T])}. */
    public static String write(Term t, TermStyle style) {
        return write(t, -1, true, style);
    }

    /**
     * {@code io_lib:format("~W", [T, Depth])}, or {@code ~tW} when {@code unicode}. A negative depth is unlimited;
     * depth 0 prints {@code ...}.
     */
    public static String write(Term t, int depth, boolean unicode, TermStyle style) {
        return Deep.run(() -> {
            StringBuilder sb = new StringBuilder();
            write(t, depth, unicode, style, sb);
            return sb.toString();
        });
    }

    static void write(Term t, int d, boolean unicode, TermStyle style, StringBuilder sb) {
        if (d == 0) {
            sb.append("...");
        } else if (t instanceof Atom a) {
            sb.append(atom(a, unicode));
        } else if (t instanceof ErlList l) {
            writeList(l, d, unicode, style, sb);
        } else if (t instanceof Tuple tu) {
            writeTuple(tu, d, unicode, style, sb);
        } else if (t instanceof ErlMap m) {
            writeMap(m, d, unicode, style, sb);
        } else if (t instanceof Binary || t instanceof BitString) {
            sb.append("<<");
            List<String> items = binaryItems(t, d);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(items.get(i));
            }
            sb.append(">>");
        } else {
            sb.append(atomic(t, style));
        }
    }

    /** How erl writes a term that has no parts: numbers, pids, ports, references, funs, [], {}. */
    static String atomic(Term t, TermStyle style) {
        if (t instanceof Pid p) {
            return "<" + style.nodeIndex(p.node()) + "." + Integer.toUnsignedString(p.id()) + "."
                    + Integer.toUnsignedString(p.serial()) + ">";
        } else if (t instanceof Port p) {
            return "#Port<" + style.nodeIndex(p.node()) + "." + p.id() + ">";
        } else if (t instanceof Ref r) {
            StringBuilder sb = new StringBuilder("#Ref<").append(style.nodeIndex(r.node()));
            for (int i = r.ids().length - 1; i >= 0; i--) {
                sb.append('.').append(Integer.toUnsignedString(r.ids()[i]));
            }
            return sb.append('>').toString();
        } else if (t instanceof ErlInt || t instanceof ErlBigInt || t instanceof ErlFloat || t instanceof Fun
                || t instanceof ExportFun || t == Nil.NIL) {
            return TermPrinter.print(t);
        } else if (t instanceof Tuple tu && tu.arity() == 0) {
            return "{}";
        } else if (t instanceof ErlMap m && m.size() == 0) {
            return "#{}";
        }
        throw new IllegalArgumentException("not an atomic term: " + t.getClass().getSimpleName());
    }

    /** An atom as io_lib writes it: {@code ~tw} style when {@code unicode}, else with {@code \x{...}} above 255. */
    static String atom(Atom a, boolean unicode) {
        String w = TermPrinter.print(a);
        if (unicode) {
            return w;
        }
        StringBuilder sb = null;
        for (int i = 0; i < w.length(); ) {
            int c = w.codePointAt(i);
            if (c > 255 && sb == null) {
                sb = new StringBuilder(w.length() + 8).append(w, 0, i);
            }
            if (sb != null) {
                if (c > 255) {
                    Chars.escape(c, '\'', Chars.Mode.UNICODE_AS_LATIN1, sb);
                } else {
                    sb.appendCodePoint(c);
                }
            }
            i += Character.charCount(c);
        }
        return sb == null ? w : sb.toString();
    }

    private static void writeList(ErlList l, int d, boolean unicode, TermStyle style, StringBuilder sb) {
        if (d == 1) {
            sb.append("[...]");
            return;
        }
        Term[] es = l.elements();
        sb.append('[');
        write(es[0], d - 1, unicode, style, sb);
        int dd = d - 1;
        int i = 1;
        while (true) {
            if (i == es.length && l.isProper()) {
                break;
            }
            if (dd == 1) {
                sb.append("|...");
                break;
            }
            if (i < es.length) {
                sb.append(',');
                write(es[i], dd - 1, unicode, style, sb);
                i++;
                dd--;
            } else {
                sb.append('|');
                write(l.tail(), dd - 1, unicode, style, sb);
                break;
            }
        }
        sb.append(']');
    }

    private static void writeTuple(Tuple t, int d, boolean unicode, TermStyle style, StringBuilder sb) {
        Term[] es = t.elements();
        if (es.length == 0) {
            sb.append("{}");
            return;
        }
        if (d == 1) {
            sb.append("{...}");
            return;
        }
        sb.append('{');
        write(es[0], d - 1, unicode, style, sb);
        int dd = d - 1;
        for (int i = 1; i < es.length; i++) {
            if (dd == 1) {
                sb.append(",...");
                break;
            }
            sb.append(',');
            write(es[i], dd - 1, unicode, style, sb);
            dd--;
        }
        sb.append('}');
    }

    private static void writeMap(ErlMap m, int d, boolean unicode, TermStyle style, StringBuilder sb) {
        if (d == 1 || m.size() == 0) {
            sb.append("#{}");
            return;
        }
        List<Map.Entry<Term, Term>> es = entries(m);
        int d0 = d - 1;
        sb.append("#{");
        assoc(es.get(0), d0, unicode, style, sb);
        // erl checks the count before looking for another pair, so a cut map always ends in ",..."
        int dd = d0;
        for (int i = 1; ; i++) {
            if (dd == 1) {
                sb.append(",...");
                break;
            }
            if (i == es.size()) {
                break;
            }
            sb.append(',');
            assoc(es.get(i), d0, unicode, style, sb);
            dd--;
        }
        sb.append('}');
    }

    private static void assoc(Map.Entry<Term, Term> e, int d, boolean unicode, TermStyle style, StringBuilder sb) {
        write(e.getKey(), d, unicode, style, sb);
        sb.append(" => ");
        write(e.getValue(), d, unicode, style, sb);
    }

    /**
     * A map's pairs in the order io_lib iterates them: small maps in key order; larger ones in the reverse of the
     * order the map holds, because io_lib walks erl's hash maps in the reverse of the order term_to_binary (and so
     * the decoder) lists them.
     */
    static List<Map.Entry<Term, Term>> entries(ErlMap m) {
        List<Map.Entry<Term, Term>> es = new ArrayList<>(m.entries().entrySet());
        if (es.size() <= FLATMAP_MAX) {
            es.sort(Map.Entry.comparingByKey(TermOrder.MAP_KEY));
        } else {
            java.util.Collections.reverse(es);
        }
        return es;
    }

    /**
     * The items erl writes between {@code <<} and {@code >>}: each byte, then the trailing bits as
     * {@code Value:Bits}, or {@code ...} where depth {@code d} runs out.
     */
    static List<String> binaryItems(Term bits, int d) {
        byte[] bytes;
        int tailBits;
        if (bits instanceof Binary b) {
            bytes = b.bytes();
            tailBits = 0;
        } else {
            BitString b = (BitString) bits;
            bytes = b.bytes();
            tailBits = b.tailBits();
        }
        int whole = tailBits == 0 ? bytes.length : bytes.length - 1;
        List<String> items = new ArrayList<>();
        int dd = d;
        for (int i = 0; ; i++) {
            boolean more = i < whole || (i == whole && tailBits > 0);
            if (!more) {
                break;
            }
            if (dd == 1) {
                items.add("...");
                break;
            }
            if (i < whole) {
                items.add(Integer.toString(bytes[i] & 0xFF));
                dd--;
            } else {
                items.add(((bytes[i] & 0xFF) >>> (8 - tailBits)) + ":" + tailBits);
            }
        }
        return items;
    }
}
