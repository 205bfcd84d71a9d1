%% Test support for io.jerl.shell.builtins.CorpusErlTest: evaluates a corpus of calls on a real erl.
%%
%% Each non-blank line of a corpus file that does not start with % is one call, written as Erlang source:
%% Module:Function(Args), a local call F(Args) (module erlang), an operator expression (A op B, op A), or
%% flat(Call) to flatten the call's result (for io_lib:format, whose deep result jerl returns flat).
%% The arguments are evaluated on erl and handed to Java as terms along with erl's result, so Java needs no
%% parser: it applies Module:Function to exactly the same arguments.
-module(builtins_corpus).
-export([run/2]).

run(In, Out) ->
    {ok, Bin} = file:read_file(In),
    Lines = string:split(unicode:characters_to_list(Bin), "\n", all),
    Entries = [entry(string:trim(L)) || L <- Lines, keep(string:trim(L))],
    ok = file:write_file(Out, term_to_binary(Entries, [{minor_version, 2}])),
    length(Entries).

keep("") -> false;
keep([$% | _]) -> false;
keep(_) -> true.

entry(Text) ->
    try parse(Text)
    catch C:R -> error({bad_corpus_line, Text, C, R})
    end.

parse(Text) ->
    {ok, Toks, _} = erl_scan:string(Text ++ "."),
    {ok, [Expr]} = erl_parse:parse_exprs(Toks),
    {Post, Call} = post(Expr),
    {M, F, Args} = call(Call),
    Result = try {ok, postprocess(Post, apply(M, F, Args))}
             catch C:R -> {error, {C, R}}
             end,
    {unicode:characters_to_binary(Text), M, F, Args, Post, Result}.

post({call, _, {atom, _, flat}, [E]}) -> {flat, E};
post(E) -> {none, E}.

call({call, _, {remote, _, {atom, _, M}, {atom, _, F}}, As}) -> {M, F, [value(A) || A <- As]};
call({call, _, {atom, _, F}, As}) -> {erlang, F, [value(A) || A <- As]};
call({op, _, Op, A, B}) -> {erlang, Op, [value(A), value(B)]};
call({op, _, Op, A}) -> {erlang, Op, [value(A)]}.

value(A) ->
    {value, V, _} = erl_eval:expr(A, erl_eval:new_bindings()),
    V.

postprocess(none, V) -> V;
postprocess(flat, V) -> lists:flatten(V).
