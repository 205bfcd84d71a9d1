package io.jerl.protocol.term;

/** Erlang's term order. (The codec work completes this; see its tests.) */
public final class TermOrder {
    private TermOrder() {
    }

    /** Compares two strings code point by code point, as erl compares atom texts. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
