package io.jerl.shell.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.shell.eval.BuiltinRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What needs no erl: the Operators API as the evaluator calls it, timer:sleep, and what is registered. */
class PureBuiltinsTest {
    private final BuiltinRegistry registry = TestContext.pureRegistry();

    @Test
    void operatorsAsTheEvaluatorCallsThem() {
        assertEquals(ErlInt.of(3), Operators.arith("+", ErlInt.of(1), ErlInt.of(2)));
        assertEquals(new ErlFloat(3.5), Operators.arith("/", ErlInt.of(7), ErlInt.of(2)));
        assertEquals(Atom.TRUE, Operators.compare("==", ErlInt.of(1), new ErlFloat(1.0)));
        assertEquals(Atom.FALSE, Operators.compare("=:=", ErlInt.of(1), new ErlFloat(1.0)));
        assertEquals(Atom.TRUE, Operators.compare("=:=", new ErlFloat(0.0), new ErlFloat(-0.0)));
        assertEquals(Atom.FALSE, Operators.bool("xor", Atom.TRUE, Atom.TRUE));
        assertEquals(ErlInt.of(-5), Operators.unary("-", ErlInt.of(5)));
        assertEquals(ErlList.of(ErlInt.of(1), ErlInt.of(3)),
                Operators.subtract(ErlList.of(ErlInt.of(1), ErlInt.of(2), ErlInt.of(3)), ErlList.of(ErlInt.of(2))));
        ErlangException e = assertThrows(ErlangException.class, () -> Operators.arith("+", Atom.OK, ErlInt.of(1)));
        assertEquals(Atom.of("badarith"), e.reason());
        assertThrows(IllegalArgumentException.class, () -> Operators.arith("**", ErlInt.of(1), ErlInt.of(1)));
    }

    @Test
    void sleepBlocksAndAnInterruptEndsIt() throws Exception {
        TestContext ctx = new TestContext(registry);
        long t0 = System.nanoTime();
        assertEquals(Atom.OK, ctx.call(Atom.of("timer"), Atom.of("sleep"), List.of(ErlInt.of(120))));
        assertTrue(System.nanoTime() - t0 >= 100_000_000L);
        ErlangException bad = assertThrows(ErlangException.class,
                () -> ctx.call(Atom.of("timer"), Atom.of("sleep"), List.of(ErlInt.of(-1))));
        assertEquals(Atom.of("timeout_value"), bad.reason());

        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread sleeper = new Thread(() -> {
            try {
                ctx.call(Atom.of("timer"), Atom.of("sleep"), List.of(Atom.of("infinity")));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        sleeper.start();
        Thread.sleep(100);
        sleeper.interrupt();
        sleeper.join(5000);
        assertTrue(!sleeper.isAlive() && ended.get() instanceof InterruptedException, "ended with " + ended.get());
    }

    /** Every function the shell promises is there, with the right arities. */
    @Test
    void everythingPromisedIsRegistered() {
        Map<String, String> promised = Map.of(
                "erlang", "is_atom/1 is_binary/1 is_bitstring/1 is_boolean/1 is_float/1 is_function/1 is_function/2 "
                        + "is_integer/1 is_list/1 is_map/1 is_number/1 is_pid/1 is_port/1 is_reference/1 is_tuple/1 "
                        + "is_record/2 is_record/3 abs/1 min/2 max/2 round/1 trunc/1 float/1 ceil/1 floor/1 element/2 "
                        + "setelement/3 tuple_size/1 size/1 byte_size/1 bit_size/1 length/1 hd/1 tl/1 map_size/1 "
                        + "map_get/2 is_map_key/2 tuple_to_list/1 list_to_tuple/1 make_tuple/2 make_tuple/3 "
                        + "append_element/2 insert_element/3 delete_element/2 atom_to_list/1 list_to_atom/1 "
                        + "list_to_existing_atom/1 atom_to_binary/1 atom_to_binary/2 binary_to_atom/1 "
                        + "binary_to_atom/2 integer_to_list/1 integer_to_list/2 list_to_integer/1 list_to_integer/2 "
                        + "integer_to_binary/1 integer_to_binary/2 binary_to_integer/1 binary_to_integer/2 "
                        + "float_to_list/1 float_to_list/2 list_to_float/1 float_to_binary/1 float_to_binary/2 "
                        + "binary_to_float/1 list_to_binary/1 binary_to_list/1 binary_to_list/3 iolist_to_binary/1 "
                        + "iolist_size/1 term_to_binary/1 term_to_binary/2 binary_to_term/1 binary_to_term/2 "
                        + "split_binary/2 binary_part/2 binary_part/3 phash2/1 phash2/2 md5/1 apply/2 apply/3 "
                        + "error/1 error/2 exit/1 throw/1 list_to_bitstring/1 bitstring_to_list/1 system_time/0 "
                        + "system_time/1 monotonic_time/0 monotonic_time/1 unique_integer/0 unique_integer/1 date/0 "
                        + "time/0 localtime/0 universaltime/0 timestamp/0 now/0 +/2 -/2 -/1 not/1 ++/2 --/2 =:=/2",
                "lists", "map/2 filter/2 foldl/3 foldr/3 foreach/2 seq/2 seq/3 reverse/1 reverse/2 sort/1 sort/2 "
                        + "usort/1 usort/2 nth/2 nthtail/2 member/2 append/1 append/2 concat/1 flatten/1 flatten/2 "
                        + "flatmap/2 zip/2 zip3/3 unzip/1 unzip3/1 zipwith/3 keyfind/3 keymember/3 keydelete/3 "
                        + "keyreplace/4 keystore/4 keysort/2 keytake/3 sum/1 max/1 min/1 last/1 droplast/1 delete/2 "
                        + "duplicate/2 split/2 splitwith/2 takewhile/2 dropwhile/2 partition/2 any/2 all/2 join/2 "
                        + "subtract/2 sublist/2 sublist/3 prefix/2 suffix/2 filtermap/2 enumerate/1 enumerate/2 "
                        + "uniq/1 uniq/2 search/2 mapfoldl/3 mapfoldr/3",
                "maps", "new/0 get/2 get/3 put/3 remove/2 update/3 find/2 is_key/2 keys/1 values/1 to_list/1 "
                        + "from_list/1 size/1 merge/2 map/2 filter/2 fold/3 foreach/2 with/2 without/2 take/2 "
                        + "update_with/3 update_with/4 iterator/1 next/1 from_keys/2 groups_from_list/2 "
                        + "groups_from_list/3 intersect/2",
                "string", "length/1 tokens/2 split/2 split/3 trim/1 trim/2 trim/3 uppercase/1 lowercase/1 "
                        + "titlecase/1 to_upper/1 to_lower/1 join/2 concat/2 find/2 find/3 replace/3 replace/4 "
                        + "slice/2 slice/3 reverse/1 equal/2 is_empty/1 pad/2 pad/3 pad/4 chomp/1 lexemes/2 prefix/2 "
                        + "to_integer/1 to_float/1 casefold/1",
                "io", "format/1 format/2 format/3 put_chars/1 put_chars/2 nl/0 write/1",
                "io_lib", "format/2",
                "unicode", "characters_to_list/1 characters_to_binary/1",
                "timer", "sleep/1");
        List<String> missing = new ArrayList<>();
        promised.forEach((module, fs) -> {
            Map<String, Set<Integer>> have = registry.functions(module);
            for (String fa : fs.split(" ")) {
                int slash = fa.lastIndexOf('/');
                String f = fa.substring(0, slash);
                int arity = Integer.parseInt(fa.substring(slash + 1));
                if (!have.getOrDefault(f, Set.of()).contains(arity)) {
                    missing.add(module + ":" + fa);
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void applyThreeGoesThroughTheRegistry() throws Exception {
        TestContext ctx = new TestContext(registry);
        Term r = ctx.call(Atom.of("erlang"), Atom.of("apply"),
                List.of(Atom.of("lists"), Atom.of("seq"), ErlList.of(ErlInt.of(1), ErlInt.of(3))));
        assertEquals(ErlList.of(ErlInt.of(1), ErlInt.of(2), ErlInt.of(3)), r);
    }
}
