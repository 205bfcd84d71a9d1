package io.jerl.bench;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.Arrays;

/** The terms the benchmarks encode and decode, by name (the names are JMH {@code @Param} values). */
public final class Samples {
    public static final Atom NODE = Atom.of("jerl_bench@localhost");
    public static final Pid PID = new Pid(NODE, 4711, 0, 1_700_000_000);
    public static final Atom MSG = Atom.of("msg");
    public static final Binary PAYLOAD = Binary.of("payload");

    private Samples() {
    }

    /**
     * {@code smallTuple}: {@code {hello, from, Pid}}, the README's first message. {@code binary1k}: a 1024-byte
     * binary. {@code string100}: a list of the 100 integers 0..99 (written as STRING_EXT). {@code intList100}:
     * 100 integers 1000..1099 (LIST_EXT of INTEGER_EXT). {@code nestedMap}: a small config-like map holding
     * maps, a list, a binary, a float.
     */
    public static Term named(String name) {
        switch (name) {
            case "smallTuple":
                return new Tuple(Atom.of("hello"), Atom.of("from"), PID);
            case "binary1k": {
                byte[] b = new byte[1024];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i * 31);
                }
                return new Binary(b);
            }
            case "string100":
                return ints(0, 100);
            case "intList100":
                return ints(1000, 100);
            case "nestedMap":
                return ErlMap.of(
                        Atom.of("name"), Binary.of("jerl"),
                        Atom.of("node"), NODE,
                        Atom.of("port"), ErlInt.of(4369),
                        Atom.of("tags"), ErlList.of(Atom.of("dist"), Atom.of("epmd"), Atom.of("shell")),
                        Atom.of("opts"), ErlMap.of(
                                Atom.of("debug"), Atom.FALSE,
                                Atom.of("depth"), ErlInt.of(3),
                                Atom.of("ratio"), new ErlFloat(0.75),
                                Atom.of("peers"), ErlList.of(Atom.of("a@host"), Atom.of("b@host"))),
                        Atom.of("stats"), ErlMap.of(
                                Atom.of("sent"), ErlInt.of(123_456),
                                Atom.of("received"), ErlInt.of(654_321),
                                Atom.of("errors"), ErlMap.of(Atom.of("timeouts"), ErlInt.of(2),
                                        Atom.of("badarg"), ErlInt.of(0))));
            default:
                throw new IllegalArgumentException("no sample term named " + name);
        }
    }

    /** The message the messaging race sends: {@code {msg, I, <<"payload">>}}. */
    public static Term raceMessage(int i) {
        return new Tuple(MSG, ErlInt.of(i), PAYLOAD);
    }

    private static Term ints(int from, int count) {
        Term[] es = new Term[count];
        Arrays.setAll(es, i -> ErlInt.of(from + i));
        return ErlList.of(es);
    }
}
