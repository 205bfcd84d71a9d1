package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Module {@code string}: the Unicode functions of OTP 20+ (which count grapheme clusters and take chardata)
 * and the older list functions ({@code tokens/2}, {@code join/2}, {@code to_upper/1}, ...).
 *
 * <p>Results keep erl's shapes for a flat string or a binary: a binary in gives binaries out, a list gives flat
 * lists, and the functions that build deep results in erl ({@code pad}, {@code replace}) build the same ones.
 * Deep or mixed chardata is read as the flat string it stands for, so results from it are equal as text to
 * erl's but may be shaped differently (erl sometimes keeps pieces of its input).
 */
public final class StringModule {
    private static final Atom LEADING = Atom.of("leading");
    private static final Atom TRAILING = Atom.of("trailing");
    private static final Atom BOTH = Atom.of("both");
    private static final Atom ALL = Atom.of("all");
    private static final Atom NOMATCH = Atom.of("nomatch");
    private static final Atom INFINITY = Atom.of("infinity");
    private static final Term WHITESPACE = ErlList.of(ErlList.of(ErlInt.of(13), ErlInt.of(10)), ErlInt.of(9),
            ErlInt.of(10), ErlInt.of(11), ErlInt.of(12), ErlInt.of(13), ErlInt.of(32), ErlInt.of(133),
            ErlInt.of(8206), ErlInt.of(8207), ErlInt.of(8232), ErlInt.of(8233));

    private StringModule() {
    }

    public static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "string");
        unicodeApi(r);
        cases(r);
        searching(r);
        numbers(r);
        OldStrings.register(r);
    }

    /** Chardata read flat: its code points, its cluster boundaries, and whether it was one binary. */
    static final class Text {
        final boolean binary;
        final int[] cps;
        final int[] bounds;

        Text(boolean binary, int[] cps) {
            this.binary = binary;
            this.cps = cps;
            this.bounds = Graphemes.boundaries(cps);
        }

        int clusters() {
            return bounds.length - 1;
        }

        /** Code points {@code from..to} in the input's kind: a binary or a flat list. */
        Term out(int from, int to) {
            return kind(binary, cps, from, to);
        }

        /** Cluster {@code i} as erl's unicode_util gives it: a code point, or a list of them. */
        Term cluster(int i) {
            int a = bounds[i];
            int b = bounds[i + 1];
            if (b - a == 1) {
                return ErlInt.of(cps[a]);
            }
            Term[] es = new Term[b - a];
            for (int k = a; k < b; k++) {
                es[k - a] = ErlInt.of(cps[k]);
            }
            return Terms.list(es);
        }

        int[] clusterCps(int i) {
            return Arrays.copyOfRange(cps, bounds[i], bounds[i + 1]);
        }

        boolean isBoundary(int pos) {
            return Arrays.binarySearch(bounds, pos) >= 0;
        }

        /**
         * Where the cluster that starts at code point {@code i} ends when the text is read from {@code i} on, as
         * erl reads it when it walks a string code point by code point (which may start inside a cluster).
         */
        int clusterEndFrom(int i) {
            for (int window = 16; ; window *= 4) {
                int end = Math.min(cps.length, i + window);
                int[] b = Graphemes.boundaries(Arrays.copyOfRange(cps, i, end));
                if (b.length > 2 || end == cps.length) {
                    return i + b[1];
                }
            }
        }
    }

    /** Reads chardata: a binary (UTF-8), or a possibly deep list of code points and binaries. */
    static Text text(Term cd) {
        if (cd instanceof Binary b) {
            return new Text(true, utf8(b.bytes()));
        }
        if (!Terms.isList(cd)) {
            throw Errors.badarg();
        }
        StringBuilder sb = new StringBuilder();
        appendChars(cd, sb);
        return new Text(false, sb.codePoints().toArray());
    }

    private static int[] utf8(byte[] bytes) {
        return decodeUtf8(bytes).codePoints().toArray();
    }

    private static String decodeUtf8(byte[] bytes) {
        String s = Conversions.utf8(bytes);
        if (s == null) {
            throw Errors.badarg();
        }
        return s;
    }

    private static void appendChars(Term t, StringBuilder sb) {
        if (t instanceof Binary b) {
            sb.append(decodeUtf8(b.bytes()));
            return;
        }
        for (Term e : ListsModule.elems(t)) {
            if (Terms.isChar(e)) {
                sb.appendCodePoint((int) ((ErlInt) e).value());
            } else if (e instanceof Binary || Terms.isList(e)) {
                appendChars(e, sb);
            } else {
                throw Errors.badarg();
            }
        }
        Term tail = ListsModule.tail(t);
        if (tail instanceof Binary b) {
            sb.append(decodeUtf8(b.bytes()));
        } else if (tail != Nil.NIL) {
            throw Errors.badarg();
        }
    }

    static int[] cps(Term cd) {
        return text(cd).cps;
    }

    private static String str(int[] cps) {
        return new String(cps, 0, cps.length);
    }

    /** Code points {@code from..to} as a binary (UTF-8) or a flat list. */
    static Term kind(boolean binary, int[] cps, int from, int to) {
        if (binary) {
            return new Binary(new String(cps, from, to - from).getBytes(StandardCharsets.UTF_8));
        }
        Term[] es = new Term[to - from];
        for (int i = from; i < to; i++) {
            es[i - from] = ErlInt.of(cps[i]);
        }
        return Terms.list(es);
    }

    /** A text in the same kind as {@code like}: a binary or a flat list. */
    static Term same(Text like, String s) {
        int[] cps = s.codePoints().toArray();
        return kind(like.binary, cps, 0, cps.length);
    }

    /** A list of separators: each a code point or a cluster (list of code points). */
    private static List<int[]> separators(Term seps) {
        List<int[]> out = new ArrayList<>();
        for (Term s : Terms.properOrBadarg(seps)) {
            if (s instanceof ErlInt i) {
                out.add(new int[] {(int) i.value()});
            } else {
                out.add(cps(s));
            }
        }
        return out;
    }

    private static boolean isSep(List<int[]> seps, int[] cluster) {
        for (int[] s : seps) {
            if (Arrays.equals(s, cluster)) {
                return true;
            }
        }
        return false;
    }

    private static Atom dir(Term d, boolean allowBoth) {
        if (d == LEADING || d == TRAILING || (allowBoth && d == BOTH)) {
            return (Atom) d;
        }
        throw Errors.functionClause();
    }

    // ---- lengths, slices, padding, trimming

    private static void unicodeApi(Reg r) {
        r.f1("length", cd -> ErlInt.of(text(cd).clusters()));
        r.f1("is_empty", cd -> Terms.bool(isEmpty(cd)));
        r.f2("equal", (a, b) -> Terms.bool(Arrays.equals(cps(a), cps(b))));
        r.f3("equal", (a, b, ignoreCase) -> Terms.bool(equal(a, b, ignoreCase, Atom.of("none"))));
        r.f4("equal", (a, b, ignoreCase, norm) -> Terms.bool(equal(a, b, ignoreCase, norm)));
        r.f1("reverse", cd -> {
            Text t = text(cd);
            Term[] out = new Term[t.clusters()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.cluster(out.length - 1 - i);
            }
            return Terms.list(out);
        });
        r.f2("slice", (cd, n) -> slice(cd, n, INFINITY));
        r.f3("slice", StringModule::slice);
        r.f2("pad", (cd, n) -> pad(cd, n, TRAILING, ErlInt.of(' ')));
        r.f3("pad", (cd, n, d) -> pad(cd, n, d, ErlInt.of(' ')));
        r.f4("pad", StringModule::pad);
        r.f1("trim", s -> trim(s, BOTH, WHITESPACE));
        r.f2("trim", (s, d) -> trim(s, d, WHITESPACE));
        r.f3("trim", StringModule::trim);
        r.f1("chomp", s -> trim(s, TRAILING, ErlList.of(ErlList.of(ErlInt.of(13), ErlInt.of(10)), ErlInt.of(10))));
        r.f2("take", (s, sep) -> take(s, sep, Atom.FALSE, LEADING));
        r.f3("take", (s, sep, c) -> take(s, sep, c, LEADING));
        r.f4("take", StringModule::take);
        r.f1("next_grapheme", cd -> {
            Text t = text(cd);
            if (t.cps.length == 0) {
                return Nil.NIL;
            }
            return new ErlList(new Term[] {t.cluster(0)}, t.out(t.bounds[1], t.cps.length));
        });
        r.f1("next_codepoint", cd -> {
            Text t = text(cd);
            if (t.cps.length == 0) {
                return Nil.NIL;
            }
            return new ErlList(new Term[] {ErlInt.of(t.cps[0])}, t.out(1, t.cps.length));
        });
    }

    private static boolean isEmpty(Term cd) {
        if (cd == Nil.NIL) {
            return true;
        }
        if (cd instanceof Binary b) {
            return b.bytes().length == 0;
        }
        if (cd instanceof ErlList l) {
            for (Term e : l.elements()) {
                if (!isEmpty(e)) {
                    return false;
                }
            }
            return isEmpty(l.tail());
        }
        return false;
    }

    private static boolean equal(Term a, Term b, Term ignoreCase, Term norm) {
        String x = str(cps(a));
        String y = str(cps(b));
        Normalizer.Form form = normForm(norm);
        if (form != null) {
            x = Normalizer.normalize(x, form);
            y = Normalizer.normalize(y, form);
        }
        if (ignoreCase == Atom.TRUE) {
            x = casefold(x);
            y = casefold(y);
        } else if (ignoreCase != Atom.FALSE) {
            throw Errors.functionClause();
        }
        return x.equals(y);
    }

    private static Normalizer.Form normForm(Term norm) {
        switch (((Atom) (norm instanceof Atom ? norm : Atom.of("bad"))).name()) {
            case "none":
                return null;
            case "nfc":
                return Normalizer.Form.NFC;
            case "nfd":
                return Normalizer.Form.NFD;
            case "nfkc":
                return Normalizer.Form.NFKC;
            case "nfkd":
                return Normalizer.Form.NFKD;
            default:
                throw Errors.functionClause();
        }
    }

    private static Term slice(Term cd, Term n, Term len) {
        if (!(n instanceof ErlInt start) || start.value() < 0) {
            throw Errors.functionClause();
        }
        long count;
        if (len == INFINITY) {
            count = Long.MAX_VALUE;
        } else if (len instanceof ErlInt l && l.value() >= 0) {
            count = l.value();
        } else {
            throw Errors.functionClause();
        }
        Text t = text(cd);
        int from = (int) Math.min(start.value(), t.clusters());
        int to = (int) Math.min(from + Math.min(count, t.clusters()), t.clusters());
        return t.out(t.bounds[from], t.bounds[to]);
    }

    private static Term pad(Term cd, Term n, Term d, Term ch) {
        if (!(n instanceof ErlInt len)) {
            throw Errors.functionClause();
        }
        Atom dir = dir(d, true);
        int size = (int) Math.max(0, len.value() - text(cd).clusters());
        if (dir == LEADING) {
            return ErlList.of(dup(size, ch), cd);
        }
        if (dir == TRAILING) {
            return new ErlList(new Term[] {cd}, dup(size, ch));
        }
        Term pre = dup(size / 2, ch);
        Term post = size % 2 == 1 ? ErlList.of(ch) : Nil.NIL;
        return new ErlList(new Term[] {pre, cd, pre}, post);
    }

    private static Term dup(int n, Term x) {
        Term[] es = new Term[n];
        Arrays.fill(es, x);
        return Terms.list(es);
    }

    static Term trim(Term s, Term d, Term sepsTerm) {
        Atom dir = dir(d, true);
        if (sepsTerm == Nil.NIL) {
            return s;
        }
        List<int[]> seps = separators(sepsTerm);
        Text t = text(s);
        int a = 0;
        int b = t.clusters();
        if (dir != TRAILING) {
            while (a < b && isSep(seps, t.clusterCps(a))) {
                a++;
            }
        }
        if (dir != LEADING) {
            while (b > a && isSep(seps, t.clusterCps(b - 1))) {
                b--;
            }
        }
        return t.out(t.bounds[a], t.bounds[b]);
    }

    private static Term take(Term s, Term sepTerm, Term complement, Term d) {
        Atom dir = dir(d, false);
        boolean comp = complement == Atom.TRUE;
        if (!comp && complement != Atom.FALSE) {
            throw Errors.functionClause();
        }
        Text t = text(s);
        if (sepTerm == Nil.NIL) {
            Term empty = t.binary ? Binary.EMPTY : Nil.NIL;
            boolean takeNothingFirst = (dir == LEADING) != comp;
            return takeNothingFirst ? new Tuple(empty, s) : new Tuple(s, empty);
        }
        List<int[]> seps = separators(sepTerm);
        int n = t.clusters();
        if (dir == LEADING) {
            int i = 0;
            while (i < n && isSep(seps, t.clusterCps(i)) != comp) {
                i++;
            }
            return new Tuple(t.out(0, t.bounds[i]), t.out(t.bounds[i], t.cps.length));
        }
        int i = n;
        while (i > 0 && isSep(seps, t.clusterCps(i - 1)) != comp) {
            i--;
        }
        return new Tuple(t.out(0, t.bounds[i]), t.out(t.bounds[i], t.cps.length));
    }

    // ---- case

    private static void cases(Reg r) {
        r.f1("uppercase", cd -> mapCase(cd, 'u'));
        r.f1("lowercase", cd -> mapCase(cd, 'l'));
        r.f1("casefold", cd -> mapCase(cd, 'f'));
        r.f1("titlecase", cd -> {
            Text t = text(cd);
            if (t.cps.length == 0) {
                return t.out(0, 0);
            }
            String first = titlecase(t.cps[0]);
            return same(t, first + str(Arrays.copyOfRange(t.cps, 1, t.cps.length)));
        });
    }

    private static Term mapCase(Term cd, char how) {
        Text t = text(cd);
        StringBuilder sb = new StringBuilder();
        for (int cp : t.cps) {
            String one = new String(Character.toChars(cp));
            switch (how) {
                case 'u':
                    sb.append(one.toUpperCase(Locale.ROOT));
                    break;
                case 'l':
                    sb.append(lowercase(cp));
                    break;
                default:
                    sb.append(casefold(one));
            }
        }
        return same(t, sb.toString());
    }

    /** Per code point, so Java's final-sigma context rule (which erl does not apply) stays out. */
    private static String lowercase(int cp) {
        if (cp == 0x130) {
            return "i\u0307";
        }
        return new String(Character.toChars(Character.toLowerCase(cp)));
    }

    /** Case folding, approximated by full uppercase then lowercase per code point (ß folds to ss). */
    static String casefold(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String up = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
            up.codePoints().forEach(u -> sb.append(lowercase(u)));
        });
        return sb.toString();
    }

    private static String titlecase(int cp) {
        if (cp == 0xDF) {
            return "Ss";
        }
        return new String(Character.toChars(Character.toTitleCase(cp)));
    }

    // ---- searching

    /**
     * Whether {@code needle} occurs at code point {@code i} as erl's split and find see it: the code points match,
     * and the last one is a whole cluster when the text is read from there.
     */
    private static boolean matchAt(Text t, int[] needle, int i) {
        int n = needle.length;
        return i + n <= t.cps.length && Arrays.equals(t.cps, i, i + n, needle, 0, n)
                && t.clusterEndFrom(i + n - 1) == i + n;
    }

    /** Non-overlapping occurrences of {@code needle}, from the left. */
    private static List<Integer> matches(Text t, int[] needle) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i + needle.length <= t.cps.length) {
            if (matchAt(t, needle, i)) {
                out.add(i);
                i += needle.length;
            } else {
                i++;
            }
        }
        return out;
    }

    private static void searching(Reg r) {
        r.f2("split", (s, p) -> split(s, p, LEADING));
        r.f3("split", StringModule::split);
        r.f3("replace", (s, p, rep) -> Terms.join(rep, Terms.properOrBadarg(split(s, p, LEADING))));
        r.f4("replace", (s, p, rep, w) -> Terms.join(rep, Terms.properOrBadarg(split(s, p, w))));
        r.f2("find", (s, p) -> find(s, p, LEADING));
        r.f3("find", StringModule::find);
        r.f2("prefix", (s, p) -> {
            int[] pre = cps(p);
            if (pre.length == 0) {
                return s;
            }
            Text t = text(s);
            if (pre.length > t.cps.length || !Arrays.equals(t.cps, 0, pre.length, pre, 0, pre.length)
                    || !t.isBoundary(pre.length)) {
                return NOMATCH;
            }
            return t.out(pre.length, t.cps.length);
        });
        r.f2("lexemes", (s, seps) -> {
            if (s == Nil.NIL) {
                return Nil.NIL;
            }
            if (seps == Nil.NIL) {
                return ErlList.of(s);
            }
            return Terms.list(lexemes(text(s), separators(seps)));
        });
        r.f3("nth_lexeme", (s, n, seps) -> {
            if (!(n instanceof ErlInt i) || i.value() < 1) {
                throw Errors.functionClause();
            }
            Text t = text(s);
            List<Term> ls = lexemes(t, separators(seps));
            return i.value() <= ls.size() ? ls.get((int) i.value() - 1) : t.out(0, 0);
        });
    }

    /**
     * The non-empty pieces between separators. Like erl, this walks code points and looks for a separator cluster
     * only where a separator's first code point stands, reading the cluster from there.
     */
    private static List<Term> lexemes(Text t, List<int[]> seps) {
        List<Term> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < t.cps.length) {
            if (!startsSep(seps, t.cps[i])) {
                i++;
                continue;
            }
            // a separator may start here: take the whole cluster, a separator or not
            int end = t.clusterEndFrom(i);
            if (isSep(seps, Arrays.copyOfRange(t.cps, i, end))) {
                if (start < i) {
                    out.add(t.out(start, i));
                }
                start = end;
            }
            i = end;
        }
        if (start < t.cps.length) {
            out.add(t.out(start, t.cps.length));
        }
        return out;
    }

    private static boolean startsSep(List<int[]> seps, int cp) {
        for (int[] s : seps) {
            if (s.length > 0 && s[0] == cp) {
                return true;
            }
        }
        return false;
    }

    private static Term split(Term s, Term p, Term where) {
        if (where != LEADING && where != TRAILING && where != ALL) {
            throw Errors.functionClause();
        }
        if (isEmpty(p)) {
            return ErlList.of(s);
        }
        int[] needle = cps(p);
        Text t = text(s);
        List<Integer> at = matches(t, needle);
        if (at.isEmpty()) {
            return ErlList.of(s);
        }
        if (where == LEADING || where == TRAILING) {
            int i = where == LEADING ? at.get(0) : at.get(at.size() - 1);
            return ErlList.of(t.out(0, i), t.out(i + needle.length, t.cps.length));
        }
        List<Term> parts = new ArrayList<>();
        int from = 0;
        for (int i : at) {
            parts.add(t.out(from, i));
            from = i + needle.length;
        }
        parts.add(t.out(from, t.cps.length));
        return Terms.list(parts);
    }

    private static Term find(Term s, Term p, Term dir) {
        if (p == Nil.NIL || (p instanceof Binary b && b.bytes().length == 0)) {
            return s;
        }
        if (dir != LEADING && dir != TRAILING) {
            throw Errors.functionClause();
        }
        Text t = text(s);
        List<Integer> at = matchesAll(t, cps(p));
        if (at.isEmpty()) {
            return NOMATCH;
        }
        int i = dir == LEADING ? at.get(0) : at.get(at.size() - 1);
        return t.out(i, t.cps.length);
    }

    /** Every occurrence, overlapping ones included (find trailing wants the last start). */
    private static List<Integer> matchesAll(Text t, int[] needle) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + needle.length <= t.cps.length; i++) {
            if (matchAt(t, needle, i)) {
                out.add(i);
            }
        }
        return out;
    }

    // ---- numbers

    private static void numbers(Reg r) {
        r.f1("to_integer", s -> toNumber(s, false));
        r.f1("to_float", s -> toNumber(s, true));
        r.f1("list_to_integer", s -> {
            String text = Terms.chars(s);
            if (text == null) {
                return new Tuple(Atom.ERROR, Atom.of("not_a_list"));
            }
            return parsed(intPrefix(text), text, false);
        });
        r.f1("list_to_float", s -> {
            String text = Terms.chars(s);
            if (text == null) {
                return new Tuple(Atom.ERROR, Atom.of("not_a_list"));
            }
            return parsed(floatPrefix(text), text, true);
        });
    }

    private static Term parsed(int end, String text, boolean isFloat) {
        if (end <= 0) {
            return new Tuple(Atom.ERROR, Atom.of(isFloat ? "no_float" : "no_integer"));
        }
        String num = text.substring(0, end);
        Term v = isFloat ? new ErlFloat(Double.parseDouble(num)) : Numbers.parseInteger(num, 10);
        return new Tuple(v, Terms.string(text.substring(end)));
    }

    /** Length of the integer at the start of {@code s} (sign and digits), or 0 when there is none. */
    private static int intPrefix(String s) {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > digits ? i : 0;
    }

    /** Length of the float at the start of {@code s} (digits '.' digits, optional exponent), or 0. */
    private static int floatPrefix(String s) {
        int i = intPrefix(s);
        if (i == 0 || i >= s.length() || s.charAt(i) != '.') {
            return 0;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        if (j == i + 1) {
            return 0;
        }
        if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int e = k;
            while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                k++;
            }
            if (k > e) {
                j = k;
            }
        }
        return j;
    }

    /** string:to_integer/to_float: {Number, Rest} with the rest in the input's kind, or {error, Why}. */
    private static Term toNumber(Term s, boolean isFloat) {
        Text t;
        try {
            t = text(s);
        } catch (RuntimeException e) {
            return new Tuple(Atom.ERROR, Atom.of("badarg"));
        }
        String text = str(t.cps);
        int end = isFloat ? floatPrefix(text) : intPrefix(text);
        if (end == 0) {
            return new Tuple(Atom.ERROR, Atom.of(isFloat ? "no_float" : "no_integer"));
        }
        String num = text.substring(0, end);
        double d = isFloat ? Double.parseDouble(num) : 0;
        if (isFloat && !Double.isFinite(d)) {
            return new Tuple(Atom.ERROR, Atom.of("badarg"));
        }
        Term v = isFloat ? new ErlFloat(d) : Numbers.parseInteger(num, 10);
        int cpEnd = num.codePointCount(0, num.length());
        return new Tuple(v, t.out(cpEnd, t.cps.length));
    }
}
