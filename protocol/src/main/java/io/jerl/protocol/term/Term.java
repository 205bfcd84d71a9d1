package io.jerl.protocol.term;

/**
 * An Erlang term. Equality and hashing follow Erlang's exact equality ({@code =:=}): {@code 1} and
 * {@code 1.0} differ, {@code [1|[2]]} equals {@code [1,2]}, so terms work as Java map keys.
 */
public sealed interface Term
        permits Atom, ErlInt, ErlBigInt, ErlFloat, Binary, BitString, Tuple, Nil, ErlList, ErlMap,
                Pid, Port, Ref, Fun, ExportFun {
}
