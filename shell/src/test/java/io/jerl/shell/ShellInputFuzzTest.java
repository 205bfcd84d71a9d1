package io.jerl.shell;

import static io.jerl.fuzz.FuzzChecks.withAllocationBound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.builtins.Builtins;
import io.jerl.shell.eval.Bindings;
import io.jerl.shell.eval.Builtin;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Arbitrary text into what the shell does with a line: {@link ExprParser#isComplete}, {@link ExprParser#split}
 * and {@link ExprParser#parse} must answer (a {@link ParseResult}, never an exception) and allocate in proportion
 * to the text (at most {@value #PARSE_BYTES_PER_CHAR} bytes a character); whatever parses is evaluated and
 * printed as the shell prints it, where only an {@link ErlangException} may come out. The built-ins are the pure
 * ones, made harmless for a fuzzer: no {@code timer} module, and integers above {@value #COUNT_LIMIT} refused as
 * arguments of anything but arithmetic, so that {@code lists:seq(1, 1 bsl 40)} (which would exhaust erl's memory
 * too) does not pass for a bug. {@code receive} has no mailbox here (it raises {@code badarg}); an evaluation still
 * running after {@value #EVAL_MILLIS} ms (an endless loop the input wrote) is stopped and is not a finding.
 * Seeds ({@code ShellInputFuzzTestInputs/text}): the lines typed at erl's prompt in the seed tutorials, every
 * eighth expression of the built-ins corpus checked against erl (builtins/*.txt), one line per grammar construct.
 */
class ShellInputFuzzTest {
    static final long COUNT_LIMIT = 100_000;
    static final long EVAL_MILLIS = 2_000;
    static final long PARSE_BYTES_PER_CHAR = 4_096;
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "div", "rem", "band", "bor", "bxor",
            "bsl", "bsr", "bnot", "abs", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "float", "integer_to_list",
            "integer_to_binary", "max", "min", "is_integer", "is_number");
    private static final BuiltinRegistry REGISTRY = harmless();
    private static final TermStyle STYLE = TermStyle.of(Atom.of("nonode@nohost"));

    @FuzzTest
    void text(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8); // as the shell decodes stdin: bad bytes become U+FFFD
        List<ParseResult> parsed = new ArrayList<>();
        // Parsing allocates in proportion to the text: ANTLR's tree costs up to a kilobyte a token.
        withAllocationBound(text.length(), PARSE_BYTES_PER_CHAR, 4 << 20, () -> {
            parsed.clear();
            ExprParser.isComplete(text);
            for (String form : ExprParser.split(text).forms()) {
                parsed.add(ExprParser.parse(form));
            }
        });
        for (ParseResult r : parsed) {
            if (r instanceof ParseResult.Parsed p) {
                evaluate(p);
            } else if (!(r instanceof ParseResult.SyntaxError)) {
                throw new AssertionError("neither parsed nor a syntax error: " + r);
            }
        }
    }

    private static void evaluate(ParseResult.Parsed parsed) throws Exception {
        Evaluator evaluator = new Evaluator(REGISTRY);
        StringBuilder out = new StringBuilder();
        CallContext ctx = evaluator.context(null, null, STYLE, out::append);
        FutureTask<String> task = new FutureTask<>(() -> {
            try {
                return PrettyPrinter.print(evaluator.evalBody(parsed.exprs(), new Bindings(), ctx), STYLE);
            } catch (ErlangException e) {
                return ErrorText.describe(e, STYLE);
            }
        });
        Thread worker = new Thread(task, "fuzz-eval");
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(EVAL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            stop(worker);
        }
    }

    /** Ends an evaluation that loops for ever; the evaluator it used is thrown away with it. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) throws InterruptedException {
        worker.stop();
        worker.join(1_000);
    }

    /** The pure built-ins without the timer module, each refusing counts above {@link #COUNT_LIMIT}. */
    private static BuiltinRegistry harmless() {
        BuiltinRegistry pure = new BuiltinRegistry();
        Builtins.registerPure(pure);
        BuiltinRegistry r = new BuiltinRegistry();
        for (String module : pure.modules()) {
            if (module.equals("timer")) {
                continue;
            }
            for (Map.Entry<String, Set<Integer>> f : pure.functions(module).entrySet()) {
                for (int arity : f.getValue()) {
                    Builtin b = pure.lookup(Atom.of(module), Atom.of(f.getKey()), arity);
                    boolean arithmetic = module.equals("erlang") && ARITHMETIC.contains(f.getKey());
                    r.register(module, f.getKey(), arity, arithmetic ? b : (c, args) -> {
                        refuseLargeCounts(args);
                        return b.apply(c, args);
                    });
                }
            }
        }
        return r;
    }

    private static void refuseLargeCounts(List<Term> args) {
        for (Term a : args) {
            if (large(a)) {
                throw ErlangException.error(Atom.of("fuzz_count_limit"));
            }
            if (a instanceof ErlList l) { // io:format's arguments, for example
                for (int k = 0; k < Math.min(16, l.elements().length); k++) {
                    if (large(l.elements()[k])) {
                        throw ErlangException.error(Atom.of("fuzz_count_limit"));
                    }
                }
            }
        }
    }

    private static boolean large(Term t) {
        return t instanceof ErlBigInt || (t instanceof ErlInt i && (i.value() > COUNT_LIMIT || i.value() < -COUNT_LIMIT));
    }
}
