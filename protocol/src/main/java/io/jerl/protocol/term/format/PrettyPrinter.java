package io.jerl.protocol.term.format;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * erl's {@code ~p} / {@code ~tp} / {@code ~P} ({@code io_lib_pretty}): a term laid out to fit a line length,
 * starting at a given column, exactly as erl breaks it over lines. Lists of printable characters print as
 * strings and printable binaries as {@code <<"text">>} (unless {@code strings} is off, erl's {@code l}
 * modifier); tuples whose first element is an atom are laid out as tagged tuples. Records are not known here,
 * so they print as the tuples they are.
 *
 * <p>Which lists count as text: without {@code unicode} ({@code ~p}) only lists of Latin-1 characters; with it
 * ({@code ~tp}) what the style's {@link TermStyle.PrintableRange} allows, as erl's {@code +pc} flag decides.
 */
public final class PrettyPrinter {
    private PrettyPrinter() {
    }

    /** {@code io_lib:format("~tp", [T])}: column 1, 80 columns, no depth limit. */
    public static String print(Term term, TermStyle style) {
        return print(term, 1, 80, -1, true, true, style);
    }

    /**
     * {@code io_lib_pretty:print/2} with the given options, as {@code ~p} uses it.
     *
     * @param column     the column the first character lands in, counted from 1 (later lines are indented to it)
     * @param lineLength the line length to fit in; 0 prints on one line
     * @param depth      the depth limit of {@code ~P}; negative for none, 0 prints {@code ...}
     * @param unicode    {@code ~tp} rather than {@code ~p}
     * @param strings    false for erl's {@code l} modifier: lists and binaries never print as text
     */
    public static String print(Term term, int column, int lineLength, int depth, boolean unicode, boolean strings,
                               TermStyle style) {
        return print(term, column, lineLength, depth, -1, unicode, strings, style);
    }

    /**
     * As above, with io_lib_pretty's {@code line_max_chars}: a term (or part) longer than that is broken over
     * lines even where it would fit the line length; negative for no such limit. erl's shell prints results with
     * 60, which is why {@code {ok,[{"bar",36207},{"baz",34547},{"qux",40869},{"foo",41625}]}} breaks there.
     */
    public static String print(Term term, int column, int lineLength, int depth, int lineMaxChars, boolean unicode,
                               boolean strings, TermStyle style) {
        return Deep.run(() -> new Layout(unicode, strings, style).print(term, column, lineLength, depth, lineMaxChars));
    }

    /** One term's intermediate form: how long it is on one line, and its parts. */
    private static final class Node {
        static final int ATOMIC = 0;
        static final int LIST = 1;
        static final int TUPLE = 2;
        static final int TAGGED = 3;
        static final int MAP = 4;
        static final int PAIR = 5;
        static final int BIN = 6;
        static final int DOTS = 7;

        final int kind;
        final int len;
        String text;
        Node[] elems;
        /** After the elements: null (the end), {@link #DOTS_NODE} (cut by depth) or an improper list's tail. */
        Node tail;
        String[] items;

        Node(int kind, int len) {
            this.kind = kind;
            this.len = len;
        }

        boolean atomic() {
            return kind == ATOMIC;
        }
    }

    private static final Node DOTS_NODE = new Node(Node.DOTS, 3);

    private static Node atomicNode(String text) {
        Node n = new Node(Node.ATOMIC, Chars.length(text));
        n.text = text;
        return n;
    }

    private static Node atomicNode(String text, int len) {
        Node n = new Node(Node.ATOMIC, len);
        n.text = text;
        return n;
    }

    /** Thrown when a trial indentation does not fit (io_lib_pretty's no_good). */
    private static final class NoGood extends RuntimeException {
        NoGood() {
            super(null, null, false, false);
        }
    }

    private static final NoGood NO_GOOD = new NoGood();

    private static final class Layout {
        private final boolean unicode;
        private final boolean strings;
        private final TermStyle style;
        private final StringBuilder out = new StringBuilder();

        Layout(boolean unicode, boolean strings, TermStyle style) {
            this.unicode = unicode;
            this.strings = strings;
            this.style = style;
        }

        String print(Term term, int col, int ll, int depth, int lineMaxChars) {
            if (depth == 0) {
                return "...";
            }
            if (col <= 0) {
                col = 1;
            }
            if (term instanceof Atom a) {
                return TermWriter.atom(a, unicode);
            }
            if (!(term instanceof Tuple || term instanceof ErlList || term == Nil.NIL || term instanceof ErlMap
                    || term instanceof Binary || term instanceof BitString)) {
                return TermWriter.write(term, -1, false, style);
            }
            Node n = length(term, depth);
            int m = lineMaxChars < 0 ? n.len : lineMaxChars;
            if (ll == 0 || n.len < ll - col && n.len <= m) {
                write(n);
                return out.toString();
            }
            int tind;
            try {
                cind(n, col, ll, m, -1, 0, 0);
                tind = -1;
            } catch (NoGood e) {
                try {
                    cind(n, col, ll, m, 4, 0, 0);
                    tind = 4;
                } catch (NoGood e2) {
                    tind = 1;
                }
            }
            pp(n, col, ll, m, tind, col - 1, 0, 0);
            return out.toString();
        }

        // ---- the intermediate form (print_length) ----

        private Node length(Term t, int d) {
            if (t == Nil.NIL) {
                return atomicNode("[]", 2);
            }
            if (t instanceof Tuple tu && tu.arity() == 0) {
                return atomicNode("{}", 2);
            }
            if (t instanceof ErlMap m && m.size() == 0) {
                return atomicNode("#{}", 3);
            }
            if (t instanceof Atom a) {
                return atomicNode(TermWriter.atom(a, unicode));
            }
            if (t instanceof ErlList l) {
                if (strings && d != 1) {
                    int[] text = printableText(l);
                    if (text != null) {
                        return atomicNode(Chars.quoted(text, 0, text.length,
                                unicode ? Chars.Mode.UNICODE_AS_UNICODE : Chars.Mode.LATIN1));
                    }
                }
                return listNode(l, d);
            }
            if (t instanceof Fun || t instanceof ExportFun) {
                String s = TermWriter.atomic(t, style);
                return atomicNode(s, Chars.codePoints(s));
            }
            if (t instanceof Tuple tu) {
                return tupleNode(tu, d);
            }
            if (t instanceof ErlMap m) {
                return mapNode(m, d);
            }
            if (t instanceof Binary || t instanceof BitString) {
                return binaryNode(t, d);
            }
            return atomicNode(TermWriter.write(t, -1, false, style));
        }

        /** The list's characters when ~p prints it as a string, else null. */
        private int[] printableText(ErlList l) {
            if (!l.isProper()) {
                return null;
            }
            boolean wide = unicode && style.printableRange() == TermStyle.PrintableRange.UNICODE;
            Term[] es = l.elements();
            int[] cps = new int[es.length];
            for (int i = 0; i < es.length; i++) {
                if (!(es[i] instanceof ErlInt c)) {
                    return null;
                }
                long v = c.value();
                if (!(wide ? Chars.printableUnicode(v) : Chars.printableLatin1(v))) {
                    return null;
                }
                cps[i] = (int) v;
            }
            return cps;
        }

        private Node listNode(ErlList l, int d) {
            Term[] es = l.elements();
            List<Node> elems = new ArrayList<>();
            Node tail = null;
            int dd = d;
            for (int i = 0; ; i++) {
                if (i == es.length && l.isProper()) {
                    break;
                }
                if (dd == 1) {
                    tail = DOTS_NODE;
                    break;
                }
                if (i < es.length) {
                    elems.add(length(es[i], dd - 1));
                    dd--;
                } else {
                    tail = length(l.tail(), dd - 1);
                    break;
                }
            }
            return composite(Node.LIST, elems, tail, 2);
        }

        private Node tupleNode(Tuple t, int d) {
            if (d == 1) {
                return atomicNode("{...}", 5);
            }
            Term[] es = t.elements();
            List<Node> elems = new ArrayList<>();
            Node tail = null;
            int dd = d;
            for (Term e : es) {
                if (dd == 1) {
                    tail = DOTS_NODE;
                    break;
                }
                elems.add(length(e, dd - 1));
                dd--;
            }
            boolean tagged = es[0] instanceof Atom && es.length > 1;
            return composite(tagged ? Node.TAGGED : Node.TUPLE, elems, tail, 2);
        }

        private Node mapNode(ErlMap m, int d) {
            if (d == 1) {
                return atomicNode("#{...}", 6);
            }
            List<Map.Entry<Term, Term>> es = TermWriter.entries(m);
            List<Node> pairs = new ArrayList<>();
            Node tail = null;
            int dd = d;
            for (Map.Entry<Term, Term> e : es) {
                if (dd == 1) {
                    tail = DOTS_NODE;
                    break;
                }
                Node k = length(e.getKey(), d - 1);
                Node v = length(e.getValue(), d - 1);
                Node p = new Node(Node.PAIR, k.len + 4 + v.len);
                p.elems = new Node[] {k, v};
                pairs.add(p);
                dd--;
            }
            return composite(Node.MAP, pairs, tail, 3);
        }

        private static Node composite(int kind, List<Node> elems, Node tail, int brackets) {
            int len = brackets;
            for (int i = 0; i < elems.size(); i++) {
                len += elems.get(i).len + (i > 0 ? 1 : 0);
            }
            if (tail != null) {
                len += tail.len + (elems.isEmpty() ? 0 : 1);
            }
            Node n = new Node(kind, len);
            n.elems = elems.toArray(new Node[0]);
            n.tail = tail;
            return n;
        }

        private Node binaryNode(Term t, int d) {
            if (t instanceof Binary b && b.bytes().length == 0) {
                return atomicNode("<<>>", 4);
            }
            if (d == 1) {
                return atomicNode("<<...>>", 7);
            }
            if (strings && t instanceof Binary b) {
                Node text = printableBinary(b.bytes(), d - 1);
                if (text != null) {
                    return text;
                }
            }
            List<String> items = TermWriter.binaryItems(t, d);
            int len = 4 + items.size() - 1;
            for (String s : items) {
                len += s.length();
            }
            Node n = new Node(Node.BIN, len);
            n.items = items.toArray(new String[0]);
            return n;
        }

        /** io_lib_pretty's printable_bin0 and the ways it writes a binary as text; null when it does not. */
        private Node printableBinary(byte[] bin, int d) {
            int len = d >= 0 ? Math.min(4 * d, bin.length) : bin.length;
            if (len == 0) {
                return null;
            }
            if (unicode) {
                Node n = printableUtf8(bin, len, d);
                if (n != null || validUtf8(bin, len)) {
                    return n;
                }
            }
            // Latin-1: the printable prefix of the first len bytes
            int n = Math.min(20, len);
            int p = 0;
            while (p < len && Chars.printableLatin1(bin[p] & 0xFF)) {
                p++;
            }
            boolean firstAll = p >= n;
            if (firstAll && n == bin.length) {
                return textBinary(latin1(bin, n), false, false);
            }
            if (firstAll && n == len) {
                return textBinary(latin1(bin, n), false, true);
            }
            if (firstAll && p == len && bin.length == len) {
                return textBinary(latin1(bin, len), false, false);
            }
            if (d > 0 && p >= d) {
                return textBinary(latin1(bin, p), false, true);
            }
            return null;
        }

        private static boolean validUtf8(byte[] bin, int chars) {
            int i = 0;
            for (int k = 0; k < chars && i < bin.length; k++) {
                long r = Chars.utf8At(bin, i);
                if (r < 0) {
                    return false;
                }
                i += (int) (r >>> 32);
            }
            return true;
        }

        /** The UTF-8 reading of a binary for {@code ~tp}; null when it is not valid UTF-8 or not text. */
        private Node printableUtf8(byte[] bin, int len, int d) {
            if (!validUtf8(bin, len)) {
                return null;
            }
            boolean wide = style.printableRange() == TermStyle.PrintableRange.UNICODE;
            int[] cps = new int[len];
            int count = 0;
            int i = 0;
            while (count < len && i < bin.length) {
                long r = Chars.utf8At(bin, i);
                if (r < 0) {
                    break;
                }
                int c = (int) r;
                if (!(wide ? Chars.printableUnicode(c) : Chars.printableLatin1(c))) {
                    break;
                }
                cps[count++] = c;
                i += (int) (r >>> 32);
            }
            int[] text = java.util.Arrays.copyOf(cps, count);
            if (i == bin.length) {
                return textBinary(text, bin.length != count, false);
            }
            if (d > 0 && count >= d) {
                return textBinary(text, i != count, true);
            }
            return null;
        }

        private static int[] latin1(byte[] bin, int n) {
            int[] cps = new int[n];
            for (int i = 0; i < n; i++) {
                cps[i] = bin[i] & 0xFF;
            }
            return cps;
        }

        private static Node textBinary(int[] text, boolean utf8, boolean cut) {
            String s = Chars.quoted(text, 0, text.length, Chars.Mode.UNICODE_AS_UNICODE);
            String w = "<<" + s + (utf8 ? "/utf8" : "") + (cut ? "...>>" : ">>");
            int len;
            if (utf8) {
                len = (cut ? 12 : 9) + Chars.length(s);
            } else {
                len = (cut ? 7 : 4) + Chars.codePoints(s);
            }
            return atomicNode(w, len);
        }

        // ---- writing on one line ----

        private void write(Node n) {
            switch (n.kind) {
                case Node.ATOMIC -> out.append(n.text);
                case Node.DOTS -> out.append("...");
                case Node.LIST -> {
                    out.append('[');
                    writeElems(n, '|');
                    out.append(']');
                }
                case Node.TUPLE, Node.TAGGED -> {
                    out.append('{');
                    writeElems(n, ',');
                    out.append('}');
                }
                case Node.MAP -> {
                    out.append("#{");
                    writeElems(n, ',');
                    out.append('}');
                }
                case Node.PAIR -> writePair(n);
                case Node.BIN -> {
                    out.append("<<");
                    for (int i = 0; i < n.items.length; i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(n.items[i]);
                    }
                    out.append(">>");
                }
                default -> throw new IllegalStateException("node kind " + n.kind);
            }
        }

        private void writeElems(Node n, char sep) {
            for (int i = 0; i < n.elems.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(n.elems[i]);
            }
            if (n.tail != null) {
                if (n.elems.length > 0) {
                    out.append(sep);
                }
                write(n.tail);
            }
        }

        private void writePair(Node p) {
            write(p.elems[0]);
            out.append(" => ");
            write(p.elems[1]);
        }

        private static boolean atomicPair(Node p) {
            return p.elems[0].atomic() && p.elems[1].atomic();
        }

        private void indent(int n) {
            out.append('\n');
            for (int i = 0; i < n; i++) {
                out.append(' ');
            }
        }

        private static int lastDepth(Node n, int i, int ld) {
            return i + 1 < n.elems.length ? 0 : ld + 1;
        }

        /** Whether element (or pair) e of length elen = 1 + len stays on the current line after a comma. */
        private static boolean fitsAfter(int elen, int ld1, int col, int ll, int m, int w, boolean atomic) {
            if (!atomic) {
                return false;
            }
            if (ld1 == 0) {
                return elen + 1 < ll - col && w + elen + 1 <= m;
            }
            return elen < ll - col - ld1 && w + elen + ld1 <= m;
        }

        private static boolean fits(Node n, int col, int ll, int m, int ld, int w) {
            return n.len < ll - col - ld && n.len + w + ld <= m;
        }

        // ---- laying out over lines (pp) ----

        private void pp(Node n, int col, int ll, int m, int tind, int ind, int ld, int w) {
            if (fits(n, col, ll, m, ld, w)) {
                write(n);
                return;
            }
            switch (n.kind) {
                case Node.LIST -> {
                    out.append('[');
                    ppList(n, 0, col + 1, ll, m, tind, ind + 1, ld, '|', w + 1);
                    out.append(']');
                }
                case Node.TAGGED -> {
                    out.append('{');
                    ppTagTuple(n, col, ll, m, tind, ind, ld, w + 1);
                    out.append('}');
                }
                case Node.TUPLE -> {
                    out.append('{');
                    ppList(n, 0, col + 1, ll, m, tind, ind + 1, ld, ',', w + 1);
                    out.append('}');
                }
                case Node.MAP -> {
                    out.append("#{");
                    ppMap(n, col + 2, ll, m, tind, ind + 2, ld, w + 1);
                    out.append('}');
                }
                case Node.BIN -> ppBinary(n, col + 2, ll, m, ind + 2, ld, w);
                default -> write(n);
            }
        }

        private void ppTagTuple(Node n, int col, int ll, int m, int tind, int ind, int ld, int w) {
            Node tag = n.elems[0];
            int tlen = tag.len;
            int tagInd = tlen + 2;
            int tcol = col + tagInd;
            write(tag);
            if (tind > 0 && tagInd > tind) {
                ppTail(n, 1, col + tind, tcol, ll, m, tind, ind + tind, ld, ',', w + tlen);
            } else {
                out.append(',');
                ppList(n, 1, tcol, ll, m, tind, ind + tagInd, ld, ',', w + tlen + 1);
            }
        }

        private void ppList(Node n, int from, int col0, int ll, int m, int tind, int ind, int ld, char sep, int w) {
            if (from >= n.elems.length) {
                out.append("...");
                return;
            }
            int we = ppElement(n.elems[from], col0, ll, m, tind, ind, lastDepth(n, from, ld), w);
            ppTail(n, from + 1, col0, col0 + we, ll, m, tind, ind, ld, sep, w + we);
        }

        private void ppTail(Node n, int from, int col0, int col, int ll, int m, int tind, int ind, int ld, char sep,
                            int w) {
            for (int i = from; i < n.elems.length; i++) {
                Node e = n.elems[i];
                int ld1 = lastDepth(n, i, ld);
                int elen = 1 + e.len;
                if (fitsAfter(elen, ld1, col, ll, m, w, e.atomic())) {
                    out.append(',');
                    write(e);
                    col += elen;
                    w += elen;
                } else {
                    out.append(',');
                    indent(ind);
                    int we = ppElement(e, col0, ll, m, tind, ind, ld1, 0);
                    col = col0 + we;
                    w = we;
                }
            }
            Node t = n.tail;
            if (t == null) {
                return;
            }
            if (t == DOTS_NODE) {
                out.append(sep).append("...");
            } else if (t.len + 1 < ll - col - (ld + 1) && t.len + 1 + w + (ld + 1) <= m && t.atomic()) {
                out.append(sep);
                write(t);
            } else {
                out.append(sep);
                indent(ind);
                pp(t, col0, ll, m, tind, ind, ld + 1, 0);
            }
        }

        private int ppElement(Node e, int col, int ll, int m, int tind, int ind, int ld, int w) {
            if (fits(e, col, ll, m, ld, w) && e.atomic()) {
                write(e);
                return e.len;
            }
            pp(e, col, ll, m, tind, ind, ld, w);
            return ll;
        }

        private void ppMap(Node n, int col, int ll, int m, int tind, int ind, int ld, int w) {
            if (n.elems.length == 0) {
                if (n.tail == DOTS_NODE) {
                    out.append("...");
                }
                return;
            }
            int pw = ppPair(n.elems[0], col, ll, m, tind, ind, lastDepth(n, 0, ld), w);
            int c = col + pw;
            w = pw;
            for (int i = 1; i < n.elems.length; i++) {
                Node p = n.elems[i];
                int ld1 = lastDepth(n, i, ld);
                int elen = 1 + p.len;
                if (fitsAfter(elen, ld1, c, ll, m, w, atomicPair(p))) {
                    out.append(',');
                    writePair(p);
                    c += elen;
                    w += elen;
                } else {
                    out.append(',');
                    indent(ind);
                    pw = ppPair(p, col, ll, m, tind, ind, ld1, 0);
                    c = col + pw;
                    w = pw;
                }
            }
            if (n.tail == DOTS_NODE) {
                out.append(",...");
            }
        }

        private int ppPair(Node p, int col, int ll, int m, int tind, int ind, int ld, int w) {
            if (fits(p, col, ll, m, ld, w)) {
                writePair(p);
                return atomicPair(p) ? p.len : ll;
            }
            int i = tind > 0 ? tind : 4;
            pp(p.elems[0], col, ll, m, tind, ind, ld, w);
            out.append(" =>");
            indent(ind + i);
            pp(p.elems[1], col + i, ll, m, tind, ind + i, ld, 0);
            return ll;
        }

        private void ppBinary(Node n, int col, int ll, int m, int ind, int ld, int w) {
            int n0 = Math.max(8, Math.min(ll - col, m - 4 - w) - ld);
            int left = n0;
            out.append("<<");
            String[] items = n.items;
            for (int i = 0; i < items.length; i++) {
                String s = items[i];
                if (i < items.length - 1) {
                    int len = s.length() + 1;
                    if (left - len < 0) {
                        indent(ind);
                        out.append(s).append(',');
                        left = n0 - len;
                    } else {
                        out.append(s).append(',');
                        left -= len;
                    }
                } else {
                    if (s.length() > left) {
                        indent(ind);
                    }
                    out.append(s);
                }
            }
            out.append(">>");
        }

        // ---- choosing the indentation of tagged tuples (cind) ----

        private void cind(Node n, int col, int ll, int m, int ind, int ld, int w) {
            if (fits(n, col, ll, m, ld, w)) {
                return;
            }
            switch (n.kind) {
                case Node.LIST, Node.TUPLE -> cindList(n, 0, col + 1, ll, m, ind, ld, w + 1);
                case Node.TAGGED -> cindTagTuple(n, col, ll, m, ind, ld, w + 1);
                case Node.MAP -> cindMap(n, col + 2, ll, m, ind, ld, w + 2);
                default -> {
                }
            }
        }

        private void cindTagTuple(Node n, int col, int ll, int m, int ind, int ld, int w) {
            int tlen = n.elems[0].len;
            int tagInd = tlen + 2;
            int tcol = col + tagInd;
            if (ind > 0 && tagInd > ind) {
                int col1 = col + ind;
                if (m + col1 <= ll || col1 <= ll / 2) {
                    cindTail(n, 1, col1, tcol, ll, m, ind, ld, w + tlen);
                } else {
                    throw NO_GOOD;
                }
            } else if (m + tcol < ll || tcol < ll / 2) {
                cindList(n, 1, tcol, ll, m, ind, ld, w + tlen + 1);
            } else {
                throw NO_GOOD;
            }
        }

        private void cindList(Node n, int from, int col0, int ll, int m, int ind, int ld, int w) {
            if (from >= n.elems.length) {
                return;
            }
            int we = cindElement(n.elems[from], col0, ll, m, ind, lastDepth(n, from, ld), w);
            cindTail(n, from + 1, col0, col0 + we, ll, m, ind, ld, w + we);
        }

        private void cindTail(Node n, int from, int col0, int col, int ll, int m, int ind, int ld, int w) {
            for (int i = from; i < n.elems.length; i++) {
                Node e = n.elems[i];
                int ld1 = lastDepth(n, i, ld);
                int elen = 1 + e.len;
                if (fitsAfter(elen, ld1, col, ll, m, w, e.atomic())) {
                    col += elen;
                    w += elen;
                } else {
                    int we = cindElement(e, col0, ll, m, ind, ld1, 0);
                    col = col0 + we;
                    w = we;
                }
            }
            Node t = n.tail;
            if (t == null || t == DOTS_NODE) {
                return;
            }
            if (t.len + 1 < ll - col - (ld + 1) && t.len + 1 + w + (ld + 1) <= m && t.atomic()) {
                return;
            }
            cind(t, col, ll, m, ind, ld + 1, 0);
        }

        private int cindElement(Node e, int col, int ll, int m, int ind, int ld, int w) {
            if (fits(e, col, ll, m, ld, w) && e.atomic()) {
                return e.len;
            }
            cind(e, col, ll, m, ind, ld, w);
            return ll;
        }

        private void cindMap(Node n, int col, int ll, int m, int ind, int ld, int w) {
            if (n.elems.length == 0) {
                return;
            }
            int pw = cindPair(n.elems[0], col, ll, m, ind, lastDepth(n, 0, ld), w);
            int c = col + pw;
            w = w + pw;
            for (int i = 1; i < n.elems.length; i++) {
                Node p = n.elems[i];
                int ld1 = lastDepth(n, i, ld);
                int elen = 1 + p.len;
                if (fitsAfter(elen, ld1, c, ll, m, w, atomicPair(p))) {
                    c += elen;
                    w += elen;
                } else {
                    pw = cindPair(p, col, ll, m, ind, ld1, 0);
                    c = col + pw;
                    w = pw;
                }
            }
        }

        private int cindPair(Node p, int col, int ll, int m, int ind, int ld, int w) {
            if (fits(p, col, ll, m, ld, w)) {
                return atomicPair(p) ? p.len : ll;
            }
            cind(p.elems[0], col, ll, m, ind, ld, w);
            int i = ind > 0 ? ind : 4;
            cind(p.elems[1], col + i, ll, m, ind, ld, 0);
            return ll;
        }
    }
}
