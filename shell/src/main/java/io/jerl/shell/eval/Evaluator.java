package io.jerl.shell.eval;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinComp;
import io.jerl.grammar.ast.BinExpr;
import io.jerl.grammar.ast.BinGenerator;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.Block;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.CaseExpr;
import io.jerl.grammar.ast.CatchClause;
import io.jerl.grammar.ast.CatchExpr;
import io.jerl.grammar.ast.Clause;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.Filter;
import io.jerl.grammar.ast.FloatLit;
import io.jerl.grammar.ast.FunExpr;
import io.jerl.grammar.ast.FunRef;
import io.jerl.grammar.ast.Generator;
import io.jerl.grammar.ast.IfExpr;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListComp;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.MapAssoc;
import io.jerl.grammar.ast.MapExpr;
import io.jerl.grammar.ast.Match;
import io.jerl.grammar.ast.Qualifier;
import io.jerl.grammar.ast.ReceiveExpr;
import io.jerl.grammar.ast.Send;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TryExpr;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.TermStyle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Evaluates parsed shell expressions, as erl_eval does.
 *
 * <p>Errors are {@link ErlangException}s with erl's reasons: {@code {badmatch,V}}, {@code {case_clause,V}},
 * {@code if_clause}, {@code {try_clause,V}}, {@code function_clause}, {@code {badarity,{F,Args}}},
 * {@code {badfun,F}}, {@code undef} (stack {@code [{M,F,Args,[]}]}), {@code {badkey,K}}, {@code {badmap,M}},
 * {@code {bad_generator,V}}, {@code {bad_filter,V}}, {@code badarg}, {@code badarith}, {@code timeout_value}.
 * An unbound variable raises {@code error:{unbound,'Name'}}, the reason erl_eval raises and the shell prints
 * as "variable 'Name' is unbound". A call of an unknown local function {@code f(...)} raises
 * {@code error:{shell_undef,f,Arity,[]}} as erl's shell does ("undefined shell command f/0").
 *
 * <p>Shell funs: a {@code fun ... end} evaluates to a {@link Fun} term (module {@code erl_eval}) whose
 * {@code encoded} bytes hold a unique id ({@code "jerl-closure:<evaluator>:<n>"}); this evaluator keeps the
 * id → {@link Closure} table, so the term can be stored in variables, passed to built-ins, sent to local
 * processes and called back. The bytes are not a real NEW_FUN_EXT: erl cannot run (or decode) these funs if
 * they are sent to it. The table is never pruned (a shell session makes few funs).
 *
 * <p>Operators go to {@code erlang:Op/Arity} in the registry when it has them, else to {@link BasicOperators}.
 */
public final class Evaluator {
    private static final AtomicLong EVALUATORS = new AtomicLong();
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Atom INFINITY = Atom.of("infinity");

    static {
        // make sure the classes an overflowing recursion needs to report itself are initialized beforehand:
        // a class whose initializer overflows the stack is unusable for the rest of the JVM's life
        ErlangException.error(new Tuple(Atom.of("system_limit"), ErlList.of(Atom.OK), ErlInt.of(0)));
    }

    private static final Atom SHELL_DEFAULT = Atom.of("shell_default");

    private final BuiltinRegistry registry;
    private final ShellCommandHandler commands;
    private final long instance = EVALUATORS.incrementAndGet();
    private final AtomicLong nextFun = new AtomicLong();
    private final Map<Fun, Closure> closures = new ConcurrentHashMap<>();

    public Evaluator(BuiltinRegistry registry) {
        this(registry, (name, args, b, ctx, ev) -> null);
    }

    /** @param commands the shell's own commands (b(), f(X), e(N), ...), tried for local calls after the BIFs */
    public Evaluator(BuiltinRegistry registry, ShellCommandHandler commands) {
        this.registry = registry;
        this.commands = commands;
    }

    public BuiltinRegistry registry() {
        return registry;
    }

    /**
     * A {@link CallContext} whose {@code apply} calls shell funs through this evaluator.
     *
     * @param self the shell's process, or null when expressions do not send or receive
     */
    public CallContext context(Mailbox self, Node node, TermStyle style, Consumer<String> out) {
        Evaluator ev = this;
        return new CallContext() {
            @Override
            public Mailbox self() {
                return self;
            }

            @Override
            public Node node() {
                return node;
            }

            @Override
            public Term apply(Term fun, List<Term> args) throws InterruptedException {
                return ev.apply(fun, args, this);
            }

            @Override
            public TermStyle style() {
                return style;
            }

            @Override
            public void print(String text) {
                if (out != null) {
                    out.accept(text);
                }
            }

            @Override
            public CallContext forProcess(Mailbox process, Consumer<String> processOut) {
                return ev.context(process, node, style, processOut);
            }
        };
    }

    /** The closure behind a shell fun term, or null when {@code fun} is not one of this evaluator's funs. */
    public Closure closure(Term fun) {
        return fun instanceof Fun f ? closures.get(f) : null;
    }

    /** Evaluates {@code E1, ..., En} in {@code b} (which receives the new bindings); the value of the last. */
    public Term evalBody(List<Expr> body, Bindings b, CallContext ctx) throws InterruptedException {
        Term v = Atom.OK;
        for (Expr e : body) {
            v = eval(e, b, ctx);
        }
        return v;
    }

    /** Evaluates one expression; the variables it binds at top level go into {@code b}. */
    public Term eval(Expr e, Bindings b, CallContext ctx) throws InterruptedException {
        if (e instanceof AtomLit a) {
            return Atom.of(a.name());
        } else if (e instanceof IntLit i) {
            return ErlInt.of(i.value());
        } else if (e instanceof FloatLit f) {
            return new ErlFloat(f.value());
        } else if (e instanceof StringLit s) {
            return ErlList.ofString(s.value());
        } else if (e instanceof Var v) {
            Term t = v.isAnonymous() ? null : b.get(v.name());
            if (t == null) {
                throw ErlangException.error(new Tuple(Atom.of("unbound"), Atom.of(v.name())));
            }
            return t;
        } else if (e instanceof TupleExpr t) {
            Term[] out = new Term[t.elements().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = eval(t.elements().get(i), b, ctx);
            }
            return new Tuple(out);
        } else if (e instanceof ListExpr l) {
            List<Term> out = new ArrayList<>();
            for (Expr x : l.elements()) {
                out.add(eval(x, b, ctx));
            }
            Term tail = l.tail() == null ? io.jerl.protocol.term.Nil.NIL : eval(l.tail(), b, ctx);
            return out.isEmpty() ? tail : new ErlList(out.toArray(new Term[0]), tail);
        } else if (e instanceof MapExpr m) {
            return evalMap(m, b, ctx);
        } else if (e instanceof Match m) {
            Term v = eval(m.value(), b, ctx);
            Bindings c = b.copy();
            if (!matcher(ctx).match(m.pattern(), v, c)) {
                throw ErlangException.error(new Tuple(Atom.of("badmatch"), v));
            }
            b.replaceWith(c);
            return v;
        } else if (e instanceof Send s) {
            Term to = eval(s.to(), b, ctx);
            Term msg = eval(s.message(), b, ctx);
            send(to, msg, ctx);
            return msg;
        } else if (e instanceof BinOp op) {
            return evalBinOp(op, b, ctx);
        } else if (e instanceof UnaryOp u) {
            Term v = eval(u.operand(), b, ctx);
            return operator(u.op(), List.of(v), ctx);
        } else if (e instanceof Block bl) {
            return evalBody(bl.body(), b, ctx);
        } else if (e instanceof CaseExpr c) {
            Term v = eval(c.expr(), b, ctx);
            Term r = clauses(c.clauses(), List.of(v), b, ctx, false);
            if (r == null) {
                throw ErlangException.error(new Tuple(Atom.of("case_clause"), v));
            }
            return r;
        } else if (e instanceof IfExpr i) {
            Term r = clauses(i.clauses(), List.of(), b, ctx, false);
            if (r == null) {
                throw ErlangException.error(Atom.of("if_clause"));
            }
            return r;
        } else if (e instanceof CatchExpr c) {
            try {
                return eval(c.expr(), b, ctx);
            } catch (ErlangException x) {
                return caught(x);
            }
        } else if (e instanceof TryExpr t) {
            return evalTry(t, b, ctx);
        } else if (e instanceof ReceiveExpr r) {
            return evalReceive(r, b, ctx);
        } else if (e instanceof ListComp lc) {
            List<Term> out = new ArrayList<>();
            comprehend(lc.template(), lc.qualifiers(), 0, b.copy(), ctx, out);
            return ErlList.of(out);
        } else if (e instanceof FunExpr f) {
            return makeFun(f, b);
        } else if (e instanceof FunRef f) {
            Term name = eval(f.name(), b, ctx);
            Term arity = eval(f.arity(), b, ctx);
            Term module = f.module() == null ? ERLANG : eval(f.module(), b, ctx);
            if (!(module instanceof Atom m) || !(name instanceof Atom n) || !(arity instanceof ErlInt a)
                    || a.value() < 0 || a.value() > 255) {
                throw ErlangException.error(Atom.of("badarg"));
            }
            return new ExportFun(m, n, (int) a.value());
        } else if (e instanceof Call c) {
            return evalCall(c, b, ctx);
        } else if (e instanceof BinExpr be) {
            return Binaries.build(this, ctx, be, b);
        } else if (e instanceof BinComp bc) {
            List<Term> out = new ArrayList<>();
            comprehend(bc.template(), bc.qualifiers(), 0, b.copy(), ctx, out);
            return Binaries.concat(out);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private Matcher matcher(CallContext ctx) {
        return new Matcher(this, ctx);
    }

    // ---------------------------------------------------------------- maps

    private Term evalMap(MapExpr m, Bindings b, CallContext ctx) throws InterruptedException {
        LinkedHashMap<Term, Term> entries = new LinkedHashMap<>();
        if (m.base() != null) {
            Term base = eval(m.base(), b, ctx);
            if (!(base instanceof ErlMap bm)) {
                throw ErlangException.error(new Tuple(Atom.of("badmap"), base));
            }
            entries.putAll(bm.entries());
        }
        List<Term[]> pairs = new ArrayList<>();
        for (MapAssoc a : m.assocs()) {
            pairs.add(new Term[] {eval(a.key(), b, ctx), eval(a.value(), b, ctx)});
        }
        for (int i = 0; i < pairs.size(); i++) {
            Term k = pairs.get(i)[0];
            if (m.assocs().get(i).exact() && !entries.containsKey(k)) {
                throw ErlangException.error(new Tuple(Atom.of("badkey"), k));
            }
            entries.put(k, pairs.get(i)[1]);
        }
        return new ErlMap(entries);
    }

    // ---------------------------------------------------------------- operators

    private Term evalBinOp(BinOp op, Bindings b, CallContext ctx) throws InterruptedException {
        if (op.isShortCircuit()) {
            Term l = eval(op.left(), b, ctx);
            boolean and = op.op().equals("andalso");
            if (l.equals(Atom.of(!and))) {
                return l;
            }
            if (!l.equals(Atom.of(and))) {
                throw ErlangException.error(new Tuple(Atom.of("badarg"), l));
            }
            return eval(op.right(), b, ctx);
        }
        Term l = eval(op.left(), b, ctx);
        Term r = eval(op.right(), b, ctx);
        return operator(op.op(), List.of(l, r), ctx);
    }

    private Term operator(String op, List<Term> args, CallContext ctx) throws InterruptedException {
        Builtin bi = registry == null ? null : registry.lookup(ERLANG, Atom.of(op), args.size());
        if (bi != null) {
            return applyBuiltin(bi, ERLANG, Atom.of(op), args, ctx);
        }
        try {
            return args.size() == 1 ? BasicOperators.unary(op, args.get(0))
                    : BasicOperators.binary(op, args.get(0), args.get(1));
        } catch (ErlangException x) {
            throw new ErlangException(x.kind(), x.reason(),
                    ErlList.of(new Tuple(ERLANG, Atom.of(op), ErlList.of(args), io.jerl.protocol.term.Nil.NIL)));
        }
    }

    // ---------------------------------------------------------------- clauses and guards

    /**
     * Tries {@code clauses} against {@code values} in order; evaluates the first that matches (and whose guard
     * holds) in a copy of {@code b}, commits that copy to {@code b} and returns the body's value; null when
     * none matches. With {@code shadow}, head variables are fresh (fun heads).
     */
    private Term clauses(List<Clause> clauses, List<Term> values, Bindings b, CallContext ctx, boolean shadow)
            throws InterruptedException {
        for (Clause c : clauses) {
            Bindings s = tryClause(c, values, b, ctx, shadow);
            if (s != null) {
                Term r = evalBody(c.body(), s, ctx);
                b.replaceWith(s);
                return r;
            }
        }
        return null;
    }

    /** The bindings after matching clause {@code c}'s head and guard, or null when it does not match. */
    private Bindings tryClause(Clause c, List<Term> values, Bindings b, CallContext ctx, boolean shadow)
            throws InterruptedException {
        Bindings s = b.copy();
        if (shadow) {
            Set<String> vars = new HashSet<>();
            for (Expr p : c.patterns()) {
                Matcher.variables(p, vars);
            }
            vars.forEach(s::unbind);
        }
        if (c.patterns().size() != values.size()) {
            return null;
        }
        Matcher m = matcher(ctx);
        for (int i = 0; i < values.size(); i++) {
            if (!m.match(c.patterns().get(i), values.get(i), s)) {
                return null;
            }
        }
        return guard(c.guards(), s, ctx) ? s : null;
    }

    /** A guard sequence: true when it is empty or one of its {@code ;}-alternatives is all true. */
    public boolean guard(List<List<Expr>> guards, Bindings b, CallContext ctx) throws InterruptedException {
        if (guards.isEmpty()) {
            return true;
        }
        for (List<Expr> alternative : guards) {
            boolean all = true;
            for (Expr g : alternative) {
                try {
                    if (!eval(g, b.copy(), ctx).equals(Atom.TRUE)) {
                        all = false;
                        break;
                    }
                } catch (ErlangException x) {
                    all = false; // a guard that raises fails
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- catch and try

    /** What {@code catch E} gives for an exception. */
    public static Term caught(ErlangException x) {
        Atom exit = Atom.of("EXIT");
        if (x.kind().equals(ErlangException.THROW)) {
            return x.reason();
        }
        if (x.kind().equals(ErlangException.EXIT)) {
            return new Tuple(exit, x.reason());
        }
        return new Tuple(exit, new Tuple(x.reason(), x.stacktrace()));
    }

    private Term evalTry(TryExpr t, Bindings b, CallContext ctx) throws InterruptedException {
        try {
            Term v;
            try {
                v = evalBody(t.body(), b, ctx);
            } catch (ErlangException x) {
                for (CatchClause c : t.catchClauses()) {
                    Bindings s = b.copy();
                    Matcher m = matcher(ctx);
                    Expr klass = c.klass();
                    boolean ok = klass == null ? x.kind().equals(ErlangException.THROW) : m.match(klass, x.kind(), s);
                    ok = ok && m.match(c.reason(), x.reason(), s);
                    ok = ok && (c.stack() == null || m.match(c.stack(), x.stacktrace(), s));
                    if (ok && guard(c.guards(), s, ctx)) {
                        Term r = evalBody(c.body(), s, ctx);
                        b.replaceWith(s);
                        return r;
                    }
                }
                throw x;
            }
            if (t.ofClauses().isEmpty()) {
                return v;
            }
            Term r = clauses(t.ofClauses(), List.of(v), b, ctx, false);
            if (r == null) {
                throw ErlangException.error(new Tuple(Atom.of("try_clause"), v));
            }
            return r;
        } finally {
            if (!t.after().isEmpty()) {
                evalBody(t.after(), b.copy(), ctx);
            }
        }
    }

    // ---------------------------------------------------------------- receive

    private Term evalReceive(ReceiveExpr r, Bindings b, CallContext ctx) throws InterruptedException {
        Duration timeout = null;
        if (r.afterTimeout() != null) {
            Term t = eval(r.afterTimeout(), b, ctx);
            if (t.equals(INFINITY)) {
                timeout = null;
            } else if (t instanceof ErlInt i && i.value() >= 0 && i.value() <= 0xFFFFFFFFL) {
                timeout = Duration.ofMillis(i.value());
            } else {
                // erl_eval raises it from prim_eval:'receive'/2, which erl's shell then names
                throw new ErlangException(ErlangException.ERROR, Atom.of("timeout_value"), ErlList.of(new Tuple(
                        Atom.of("prim_eval"), Atom.of("receive"), ErlInt.of(2), io.jerl.protocol.term.Nil.NIL)));
            }
        }
        Mailbox self = ctx.self();
        if (self == null && !r.clauses().isEmpty()) {
            throw ErlangException.error(Atom.of("badarg"));
        }
        if (r.clauses().isEmpty()) {
            if (timeout != null) {
                Thread.sleep(timeout.toMillis());
            } else {
                Thread.sleep(Long.MAX_VALUE);
            }
            return evalBody(r.afterBody(), b, ctx);
        }
        Object[] chosen = new Object[2];
        Term msg = self.receive(m -> {
            for (Clause c : r.clauses()) {
                try {
                    Bindings s = tryClause(c, List.of(m), b, ctx, false);
                    if (s != null) {
                        chosen[0] = c;
                        chosen[1] = s;
                        return true;
                    }
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ErlangException x) {
                    // a pattern that cannot be matched (bad map key) does not match
                }
            }
            return false;
        }, timeout);
        if (msg == null) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return evalBody(r.afterBody(), b, ctx);
        }
        Bindings s = (Bindings) chosen[1];
        Term v = evalBody(((Clause) chosen[0]).body(), s, ctx);
        b.replaceWith(s);
        return v;
    }

    // ---------------------------------------------------------------- send

    private static void send(Term to, Term msg, CallContext ctx) {
        boolean ok = to instanceof Pid || to instanceof Atom || to instanceof Ref
                || (to instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom && t.get(1) instanceof Atom);
        Mailbox self = ctx.self();
        if (!ok || self == null) {
            throw sendBadarg(to, msg);
        }
        try {
            self.send(to, msg);
        } catch (ErlangException x) {
            throw x;
        } catch (RuntimeException x) {
            throw sendBadarg(to, msg);
        }
    }

    /** erl's badarg from {@code To ! Msg}, raised in the operator {@code !/2}. */
    private static ErlangException sendBadarg(Term to, Term msg) {
        return new ErlangException(ErlangException.ERROR, Atom.of("badarg"), ErlList.of(
                new Tuple(ERLANG, Atom.of("!"), ErlList.of(to, msg), io.jerl.protocol.term.Nil.NIL)));
    }

    // ---------------------------------------------------------------- comprehensions

    private void comprehend(Expr template, List<Qualifier> qs, int i, Bindings b, CallContext ctx, List<Term> out)
            throws InterruptedException {
        if (i == qs.size()) {
            out.add(eval(template, b.copy(), ctx));
            return;
        }
        Qualifier q = qs.get(i);
        if (q instanceof Generator g) {
            Term src = eval(g.source(), b.copy(), ctx);
            Set<String> vars = new HashSet<>();
            Matcher.variables(g.pattern(), vars);
            Term rest = src;
            while (rest instanceof ErlList l) {
                Bindings s = b.copy();
                vars.forEach(s::unbind);
                if (matcher(ctx).match(g.pattern(), l.elements()[0], s)) {
                    comprehend(template, qs, i + 1, s, ctx, out);
                }
                rest = Matcher.tailAfter(l, 1);
            }
            if (rest != io.jerl.protocol.term.Nil.NIL) {
                throw ErlangException.error(new Tuple(Atom.of("bad_generator"), rest));
            }
        } else if (q instanceof Filter f) {
            Term v = eval(f.expr(), b.copy(), ctx);
            if (v.equals(Atom.TRUE)) {
                comprehend(template, qs, i + 1, b, ctx, out);
            } else if (!v.equals(Atom.FALSE)) {
                throw ErlangException.error(new Tuple(Atom.of("bad_filter"), v));
            }
        } else if (q instanceof BinGenerator g) {
            // stops at the first position where the pattern does not match (erl skips a segment whose
            // values differ but whose sizes fit; this evaluator does not)
            Term src = eval(g.source(), b.copy(), ctx);
            if (!Binaries.isBits(src)) {
                throw ErlangException.error(new Tuple(Atom.of("bad_generator"), src));
            }
            Set<String> vars = new HashSet<>();
            Matcher.variables(g.pattern(), vars);
            long total = Binaries.length(src);
            byte[] bits = src instanceof io.jerl.protocol.term.Binary bin ? bin.bytes()
                    : ((io.jerl.protocol.term.BitString) src).bytes();
            long pos = 0;
            while (pos < total) {
                Bindings s = b.copy();
                vars.forEach(s::unbind);
                long end = Binaries.matchPrefix(this, ctx, g.pattern(), bits, pos, total, s, matcher(ctx));
                if (end <= pos) {
                    break;
                }
                comprehend(template, qs, i + 1, s, ctx, out);
                pos = end;
            }
        }
    }

    // ---------------------------------------------------------------- funs and calls

    private static final String CLOSURE_ID = "jerl-closure:";
    private static final byte[] CLOSURE_ID_PREFIX = CLOSURE_ID.getBytes(StandardCharsets.UTF_8);

    /** Whether {@code t} is a fun typed at a jerl shell: code only jerl can run, which no erl node can. */
    public static boolean isShellFun(Term t) {
        return t instanceof Fun f && f.encoded().length >= CLOSURE_ID_PREFIX.length
                && java.util.Arrays.equals(f.encoded(), 0, CLOSURE_ID_PREFIX.length, CLOSURE_ID_PREFIX, 0,
                CLOSURE_ID_PREFIX.length);
    }

    private Fun makeFun(FunExpr f, Bindings b) {
        long n = nextFun.incrementAndGet();
        byte[] id = (CLOSURE_ID + instance + ":" + n).getBytes(StandardCharsets.UTF_8);
        Fun term = new Fun(Atom.of("erl_eval"), n, instance, f.arity(), id);
        closures.put(term, new Closure(f, b.copy(), term));
        return term;
    }

    /** A call in tail position of a shell fun's body, returned instead of made so that loops do not grow the Java stack. */
    private record TailCall(Term fun, List<Term> args) {
    }

    /**
     * Calls a shell fun or an export fun ({@code fun m:f/a}) with {@code args}. Calls of funs in tail position
     * (last expression of the body, of a case/if/receive clause or block there, right of andalso/orelse) run
     * in a loop, so {@code fun L(0) -> done; L(N) -> L(N - 1) end} does not overflow the Java stack. Other deep
     * recursion that overflows it raises {@code error:system_limit}.
     */
    public Term apply(Term fun, List<Term> args, CallContext ctx) throws InterruptedException {
        try {
            while (true) {
                Closure c = closure(fun);
                if (c == null) {
                    return applyExport(fun, args, ctx);
                }
                if (c.arity() != args.size()) {
                    throw ErlangException.error(new Tuple(Atom.of("badarity"), new Tuple(fun, ErlList.of(args))));
                }
                Bindings s = c.captured().copy();
                if (c.code().name() != null) {
                    s.bind(c.code().name(), fun);
                }
                Object r = null;
                boolean matched = false;
                for (Clause cl : c.code().clauses()) {
                    Bindings cs = tryClause(cl, args, s, ctx, true);
                    if (cs != null) {
                        r = evalBodyTail(cl.body(), cs, ctx);
                        matched = true;
                        break;
                    }
                }
                if (!matched) {
                    throw new ErlangException(ErlangException.ERROR, Atom.of("function_clause"),
                            ErlList.of(new Tuple(Atom.of("erl_eval"), Atom.of("-inside-an-interpreted-fun-"),
                                    ErlList.of(args), io.jerl.protocol.term.Nil.NIL)));
                }
                if (r instanceof TailCall tc) {
                    fun = tc.fun();
                    args = tc.args();
                    continue;
                }
                return (Term) r;
            }
        } catch (StackOverflowError x) {
            throw ErlangException.error(Atom.of("system_limit"));
        }
    }

    private Term applyExport(Term fun, List<Term> args, CallContext ctx) throws InterruptedException {
        if (fun instanceof ExportFun x) {
            if (x.arity() != args.size()) {
                throw ErlangException.error(new Tuple(Atom.of("badarity"), new Tuple(fun, ErlList.of(args))));
            }
            return call(x.module(), x.function(), args, ctx);
        }
        throw ErlangException.error(new Tuple(Atom.of("badfun"), fun));
    }

    /** Like {@link #evalBody} inside a fun body, whose bindings are dropped afterwards: the last expression may be a TailCall. */
    private Object evalBodyTail(List<Expr> body, Bindings b, CallContext ctx) throws InterruptedException {
        for (int i = 0; i < body.size() - 1; i++) {
            eval(body.get(i), b, ctx);
        }
        return body.isEmpty() ? Atom.OK : evalTail(body.get(body.size() - 1), b, ctx);
    }

    private Object evalTail(Expr e, Bindings b, CallContext ctx) throws InterruptedException {
        if (e instanceof Call c && c.module() == null && !(c.function() instanceof AtomLit)) {
            Term fun = eval(c.function(), b, ctx);
            List<Term> args = args(c, b, ctx);
            if (closure(fun) != null) {
                return new TailCall(fun, args);
            }
            return applyExport(fun, args, ctx);
        } else if (e instanceof Block bl) {
            return evalBodyTail(bl.body(), b, ctx);
        } else if (e instanceof CaseExpr ce) {
            Term v = eval(ce.expr(), b, ctx);
            for (Clause cl : ce.clauses()) {
                Bindings cs = tryClause(cl, List.of(v), b, ctx, false);
                if (cs != null) {
                    return evalBodyTail(cl.body(), cs, ctx);
                }
            }
            throw ErlangException.error(new Tuple(Atom.of("case_clause"), v));
        } else if (e instanceof IfExpr ie) {
            for (Clause cl : ie.clauses()) {
                Bindings cs = tryClause(cl, List.of(), b, ctx, false);
                if (cs != null) {
                    return evalBodyTail(cl.body(), cs, ctx);
                }
            }
            throw ErlangException.error(Atom.of("if_clause"));
        } else if (e instanceof BinOp op && op.isShortCircuit()) {
            Term l = eval(op.left(), b, ctx);
            boolean and = op.op().equals("andalso");
            if (l.equals(Atom.of(!and))) {
                return l;
            }
            if (!l.equals(Atom.of(and))) {
                throw ErlangException.error(new Tuple(Atom.of("badarg"), l));
            }
            return evalTail(op.right(), b, ctx);
        }
        return eval(e, b, ctx);
    }

    /** Calls {@code module:function(args)} through the registry; unknown functions raise {@code undef}. */
    public Term call(Atom module, Atom function, List<Term> args, CallContext ctx) throws InterruptedException {
        Builtin bi = registry == null ? null : registry.lookup(module, function, args.size());
        if (bi == null) {
            throw new ErlangException(ErlangException.ERROR, Atom.of("undef"),
                    ErlList.of(new Tuple(module, function, ErlList.of(args), io.jerl.protocol.term.Nil.NIL)));
        }
        return applyBuiltin(bi, module, function, args, ctx);
    }

    /** Functions that raise the exception they are given, which erl does not put in the stack trace. */
    private static final Set<String> RAISERS = Set.of("error/1", "error/2", "error/3", "exit/1", "throw/1",
            "raise/3");

    /**
     * Runs a built-in, giving the exceptions it raises the stack trace erl's would have, so that the shell
     * can say where they happened ("in function atom_to_list/1, called as atom_to_list(1)"): a built-in that
     * fails itself gets the frame {@code {M, F, Args, []}}; an exception passing through one (from a fun it
     * called) gets {@code {M, F, Arity, []}} added below the frames it has ("in call from lists:map/2").
     */
    private static Term applyBuiltin(Builtin bi, Atom module, Atom function, List<Term> args, CallContext ctx)
            throws InterruptedException {
        try {
            return bi.apply(ctx, args);
        } catch (ErlangException x) {
            if (module.equals(ERLANG) && RAISERS.contains(function.name() + "/" + args.size())) {
                throw x;
            }
            io.jerl.protocol.term.Nil none = io.jerl.protocol.term.Nil.NIL;
            if (x.stacktrace() == none) {
                throw new ErlangException(x.kind(), x.reason(),
                        ErlList.of(new Tuple(module, function, ErlList.of(args), none)));
            }
            if (x.stacktrace() instanceof ErlList frames && frames.isProper()) {
                Term[] more = java.util.Arrays.copyOf(frames.elements(), frames.size() + 1);
                more[more.length - 1] = new Tuple(module, function, ErlInt.of(args.size()), none);
                throw new ErlangException(x.kind(), x.reason(), ErlList.of(more));
            }
            throw x;
        }
    }

    private Term evalCall(Call c, Bindings b, CallContext ctx) throws InterruptedException {
        if (c.module() != null) {
            Term m = eval(c.module(), b, ctx);
            Term f = eval(c.function(), b, ctx);
            List<Term> args = args(c, b, ctx);
            if (!(m instanceof Atom ma) || !(f instanceof Atom fa)) {
                throw ErlangException.error(new Tuple(Atom.of("badfun"), new Tuple(m, f)));
            }
            return call(ma, fa, args, ctx);
        }
        if (c.function() instanceof AtomLit a) {
            return evalLocalCall(Atom.of(a.name()), c.args(), b, ctx);
        }
        Term fun = eval(c.function(), b, ctx);
        return apply(fun, args(c, b, ctx), ctx);
    }

    /**
     * {@code f(Args)} as erl's shell resolves it: an auto-imported BIF ({@code erlang:f}), else one of the
     * shell's own commands, else {@code shell_default:f} (erl's c module: flush(), i(), regs(), ...), else
     * "undefined shell command".
     */
    private Term evalLocalCall(Atom f, List<Expr> argExprs, Bindings b, CallContext ctx) throws InterruptedException {
        int arity = argExprs.size();
        Builtin bif = registry == null ? null : registry.lookup(ERLANG, f, arity);
        if (bif == null) {
            Term v = commands.call(f.name(), argExprs, b, ctx, this);
            if (v != null) {
                return v;
            }
        }
        List<Term> args = new ArrayList<>(arity);
        for (Expr a : argExprs) {
            args.add(eval(a, b, ctx));
        }
        if (bif != null) {
            return applyBuiltin(bif, ERLANG, f, args, ctx);
        }
        Builtin command = registry == null ? null : registry.lookup(SHELL_DEFAULT, f, arity);
        if (command == null) {
            throw ErlangException.error(new Tuple(Atom.of("shell_undef"), f, ErlInt.of(arity),
                    io.jerl.protocol.term.Nil.NIL));
        }
        return command.apply(ctx, args);
    }

    private List<Term> args(Call c, Bindings b, CallContext ctx) throws InterruptedException {
        List<Term> out = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) {
            out.add(eval(a, b, ctx));
        }
        return out;
    }
}
