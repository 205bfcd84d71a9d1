package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Module {@code unicode}: {@code characters_to_list/1,2} and {@code characters_to_binary/1,2,3} between latin1,
 * UTF-8 (unicode), UTF-16 and UTF-32. Bad data gives erl's {@code {error, Converted, Rest}} (or
 * {@code {incomplete, ...}} for a UTF-8 sequence cut short at the end); Rest is exact for a binary or a flat list,
 * and for deeper data holds the same remaining items as a flat list.
 */
public final class UnicodeModule {
    private static final Atom LATIN1 = Atom.of("latin1");
    private static final Atom UNICODE = Atom.of("unicode");
    private static final Atom UTF8 = Atom.of("utf8");
    private static final Atom INCOMPLETE = Atom.of("incomplete");

    private UnicodeModule() {
    }

    public static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "unicode");
        r.f1("characters_to_list", d -> toList(d, UNICODE));
        r.f2("characters_to_list", UnicodeModule::toList);
        r.f1("characters_to_binary", d -> toBinary(d, UNICODE, UNICODE));
        r.f2("characters_to_binary", (d, in) -> toBinary(d, in, UNICODE));
        r.f3("characters_to_binary", UnicodeModule::toBinary);
    }

    /** What decoding produced: the code points, and on failure the kind (error/incomplete) and the rest. */
    private static final class Decoded {
        final StringBuilder chars = new StringBuilder();
        Atom failure;
        Term rest;
    }

    private static Term toList(Term data, Term in) {
        Decoded d = decode(data, in);
        Term list = Terms.string(d.chars.toString());
        return d.failure == null ? list : new Tuple(d.failure, list, d.rest);
    }

    private static Term toBinary(Term data, Term in, Term out) {
        Charset cs = charset(out);
        Decoded d = decode(data, in);
        String s = d.chars.toString();
        if (cs == StandardCharsets.ISO_8859_1) {
            int bad = firstAbove(s, 0xFF);
            if (bad >= 0) {
                String tail = s.substring(bad);
                return new Tuple(Atom.ERROR, new Binary(s.substring(0, bad).getBytes(cs)),
                        ErlList.of(Terms.string(tail)));
            }
        }
        Binary bin = new Binary(s.getBytes(cs));
        return d.failure == null ? bin : new Tuple(d.failure, bin, d.rest);
    }

    private static int firstAbove(String s, int max) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp > max) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** An encoding name: latin1, unicode/utf8, utf16 and utf32 with an optional {Enc, big | little}. */
    private static Charset charset(Term enc) {
        if (enc == LATIN1) {
            return StandardCharsets.ISO_8859_1;
        }
        if (enc == UNICODE || enc == UTF8) {
            return StandardCharsets.UTF_8;
        }
        String name = null;
        boolean little = false;
        if (enc instanceof Atom a) {
            name = a.name();
        } else if (enc instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom a
                && (t.get(1) == Atom.of("big") || t.get(1) == Atom.of("little"))) {
            name = a.name();
            little = t.get(1) == Atom.of("little");
        }
        if ("utf16".equals(name)) {
            return little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        if ("utf32".equals(name)) {
            return Charset.forName(little ? "UTF-32LE" : "UTF-32BE");
        }
        throw Errors.badarg();
    }

    /** Decodes chardata: characters and binaries in {@code in}, nested in lists; badarg for non-chardata. */
    private static Decoded decode(Term data, Term in) {
        Charset cs = charset(in);
        Decoded d = new Decoded();
        if (data instanceof Binary b) {
            int stop = decodeBinary(b.bytes(), cs, d);
            if (d.failure != null) {
                d.rest = new Binary(Arrays.copyOfRange(b.bytes(), stop, b.bytes().length));
            }
            return d;
        }
        if (!Terms.isList(data)) {
            throw Errors.badarg();
        }
        List<Term> items = new ArrayList<>();
        flatten(data, items);
        for (int i = 0; i < items.size(); i++) {
            Term item = items.get(i);
            if (item instanceof Binary b) {
                int stop = decodeBinary(b.bytes(), cs, d);
                if (d.failure != null) {
                    List<Term> rest = new ArrayList<>();
                    rest.add(new Binary(Arrays.copyOfRange(b.bytes(), stop, b.bytes().length)));
                    rest.addAll(items.subList(i + 1, items.size()));
                    d.rest = Terms.list(rest);
                    return d;
                }
            } else if (Terms.isChar(item)) {
                d.chars.appendCodePoint((int) ((ErlInt) item).value());
            } else {
                d.failure = Atom.ERROR;
                d.rest = Terms.list(items.subList(i, items.size()));
                return d;
            }
        }
        return d;
    }

    /** The integers and binaries of a deep list, in order; badarg for anything else. */
    private static void flatten(Term t, List<Term> out) {
        for (Term e : ListsModule.elems(t)) {
            if (e instanceof ErlInt || e instanceof Binary) {
                out.add(e);
            } else if (Terms.isList(e)) {
                flatten(e, out);
            } else {
                throw Errors.badarg();
            }
        }
        Term tail = ListsModule.tail(t);
        if (tail instanceof Binary) {
            out.add(tail);
        } else if (tail != Nil.NIL) {
            throw Errors.badarg();
        }
    }

    /** Decodes {@code bytes} into {@code d}; returns where decoding stopped (bytes.length when all went well). */
    private static int decodeBinary(byte[] bytes, Charset cs, Decoded d) {
        if (cs == StandardCharsets.ISO_8859_1) {
            for (byte b : bytes) {
                d.chars.append((char) (b & 0xFF));
            }
            return bytes.length;
        }
        if (cs != StandardCharsets.UTF_8) {
            d.chars.append(new String(bytes, cs));
            return bytes.length;
        }
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xFF;
            int len = b0 < 0x80 ? 1 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3
                    : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
            if (len == 0) {
                d.failure = Atom.ERROR;
                return i;
            }
            int cp = len == 1 ? b0 : b0 & (0xFF >> (len + 1));
            int k = 1;
            for (; k < len && i + k < bytes.length; k++) {
                int b = bytes[i + k] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    d.failure = Atom.ERROR;
                    return i;
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            if (k < len) {
                d.failure = INCOMPLETE;
                return i;
            }
            boolean overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
            if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                d.failure = Atom.ERROR;
                return i;
            }
            d.chars.appendCodePoint(cp);
            i += len;
        }
        return i;
    }
}
