%% The Erlang half of the messaging race (io.jerl.bench.interop.MessagingRace): a sender that fires N
%% messages at a registered name as fast as it can, and a receiver that counts them. Compiled with erlc and
%% loaded on both erl nodes, so neither side runs interpreted (erl_eval) code.
%%
%% Times are os:system_time(microsecond), the OS wall clock, the same clock the Java side reads: the run is
%% timed from the sender's first send to the receiver's last receive, even when they sit in different OS
%% processes.
-module(jerl_bench).
-export([send/3, start_receiver/2, collect/2, echo/0, pingpong/2]).

%% Sends {msg, I, Payload} for I in 1..N to Dest (a pid, a name or {Name, Node}); returns {T0, T1}: the
%% times of the first send and of the return from the last one. That return comes once every message is
%% handed to the runtime (which suspends the sender while the distribution buffer is busy), not when they
%% arrive.
send(Dest, N, Payload) ->
    T0 = os:system_time(microsecond),
    send_loop(Dest, 1, N, Payload),
    {T0, os:system_time(microsecond)}.

send_loop(_Dest, I, N, _Payload) when I > N ->
    ok;
send_loop(Dest, I, N, Payload) ->
    Dest ! {msg, I, Payload},
    send_loop(Dest, I + 1, N, Payload).

%% Registers Name as a process that takes N messages {msg, _, _} and then tells the caller
%% {jerl_bench_done, Name, TimeOfLastReceive} and exits, which frees the name. Its receive has no timeout
%% (no timer per message); collect/2 kills it if the messages never all arrive.
start_receiver(Name, N) ->
    ReportTo = self(),
    Pid = spawn(fun() -> receive go -> ok end, rx(N, Name, ReportTo) end),
    true = register(Name, Pid),
    Pid ! go,
    ok.

rx(0, Name, ReportTo) ->
    ReportTo ! {jerl_bench_done, Name, os:system_time(microsecond)};
rx(K, Name, ReportTo) ->
    receive
        {msg, _I, _Payload} -> rx(K - 1, Name, ReportTo)
    end.

%% Waits, in the process that called start_receiver/2, for the receiver's report: {done, T1}, or timeout
%% (and the receiver is killed so that the name is free for the next round).
collect(Name, Timeout) ->
    receive
        {jerl_bench_done, Name, T1} -> {done, T1}
    after Timeout ->
        case whereis(Name) of
            undefined -> ok;
            Pid -> exit(Pid, kill)
        end,
        timeout
    end.

%% The ping-pong half (io.jerl.bench.interop.PingPong): echo/0 registers bench_echo, which answers every
%% {ping, From, I} with {pong, I}; pingpong/2 plays N rounds against it from this node and returns the
%% round-trip times in nanoseconds, sorted.
echo() ->
    Pid = spawn(fun echo_loop/0),
    true = register(bench_echo, Pid),
    ok.

echo_loop() ->
    receive
        {ping, From, I} -> From ! {pong, I}, echo_loop();
        stop -> ok
    end.

pingpong(Dest, N) ->
    lists:sort(pingpong(Dest, N, [])).

pingpong(_Dest, 0, Acc) ->
    Acc;
pingpong(Dest, N, Acc) ->
    T0 = erlang:monotonic_time(),
    Dest ! {ping, self(), N},
    receive {pong, N} -> ok end,
    T = erlang:convert_time_unit(erlang:monotonic_time() - T0, native, nanosecond),
    pingpong(Dest, N - 1, [T | Acc]).
