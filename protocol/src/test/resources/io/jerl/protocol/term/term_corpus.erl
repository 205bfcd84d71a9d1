%% Test corpus for jerl's term codec tests: generates terms of every kind on a real node, writes their
%% encodings to files for Java, and checks what Java sends back. Loaded by TermCodecErlTest/TermOrderErlTest.
-module(term_corpus).
-export([corpus/0, write/2, write_compressed/2, check/2, sort_list/0, mk_fun/1, compare_matrix/2, key_maps/1, write_printed/3]).

%% ---- framing: each term as <<Size:32, Bytes/binary>>

write(Path, Terms) ->
    ok = file:write_file(Path, [frame(term_to_binary(T, [{minor_version, 2}, deterministic])) || T <- Terms]),
    length(Terms).

write_compressed(Path, Terms) ->
    ok = file:write_file(Path, [frame(term_to_binary(T, [compressed])) || T <- Terms]),
    length(Terms).

frame(B) -> [<<(byte_size(B)):32>>, B].

read(Path) ->
    {ok, Bin} = file:read_file(Path),
    unframe(Bin, []).

unframe(<<>>, Acc) -> lists:reverse(Acc);
unframe(<<N:32, B:N/binary, Rest/binary>>, Acc) -> unframe(Rest, [B | Acc]).

%% Decodes every frame Java wrote and compares it with the original: {Count, FirstBadIndexes}.
check(Path, Terms) ->
    Bins = read(Path),
    length(Bins) =:= length(Terms) orelse error({count, length(Bins), length(Terms)}),
    Bad = [I || {I, B, T} <- lists:zip3(lists:seq(0, length(Terms) - 1), Bins, Terms),
                not same(B, T)],
    {length(Bins), lists:sublist(Bad, 20)}.

same(B, T) ->
    try binary_to_term(B) =:= T catch _:_ -> false end.

%% ---- the corpus

corpus() ->
    rand:seed(exsss, {17, 4711, 1234567}),
    Base = integers() ++ floats() ++ atoms() ++ lists() ++ binaries() ++ tuples() ++ maps()
        ++ ids() ++ funs() ++ deep(),
    Random = [random_term(5) || _ <- lists:seq(1, 2500)],
    Base ++ Random ++ [list_to_tuple(Base), Base].

integers() ->
    Small = lists:seq(-300, 300),
    Edges = [S * ((1 bsl E) + D) || E <- [7, 8, 15, 16, 27, 28, 31, 32, 53, 56, 59, 60, 62, 63, 64, 65, 100,
                                             1000, 2039, 2040, 2041, 8000],
                                     D <- [-2, -1, 0, 1, 2], S <- [1, -1]],
    Small ++ Edges ++ [16#7FFFFFFF, -16#80000000, 16#FFFFFFFF, 1 bsl 64 - 1, -(1 bsl 64) + 1].

floats() ->
    [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 1 / 3, 5.0e-324, -5.0e-324, 2.2250738585072014e-308,
     1.7976931348623157e308, -1.7976931348623157e308, 1.0e300, 123456789.125, 9007199254740992.0,
     9007199254740993.0, 18446744073709551616.0, math:pi(), -math:exp(1), 1.0e-10, 1.0e15, 1.0e16]
    ++ [rand:normal() * math:pow(10, rand:uniform(600) - 300) || _ <- lists:seq(1, 50)]
    %% where erl's printer switches between plain and exponent layout
    ++ [S * math:pow(10, E) || E <- lists:seq(-25, 25), S <- [1.0, -1.5, 2.25]]
    ++ [float(1 bsl 53) * M || M <- [1, 2, 3, 5, 10, 100, 1000]] ++ [float((1 bsl 53) - K) || K <- [1, 2, 3]]
    ++ [float(M * 10) || M <- [900719925474099, 900719925474100]]
    ++ [float(M * 100) || M <- [90071992547409, 90071992547410]]
    ++ [123456789012.0, 1234567890.5, 12345678901.5, 0.000123, 0.00123, 1.0e-4, 5.0e-4, 12.5e-5].

atoms() ->
    ['', a, 'A', ok, true, false, undefined, 'hello world', 'é', 'ÿ', '日本', list_to_atom([16#1F600]),
     list_to_atom(lists:duplicate(255, $a)), list_to_atom(lists:duplicate(255, 16#E9)),
     list_to_atom(lists:duplicate(85, 16#65E5)), list_to_atom(lists:duplicate(86, 16#65E5)),
     list_to_atom(lists:duplicate(255, 16#1F600)), 'with\'quote', '\n'].

lists() ->
    ["", "a", "abc", lists:seq(0, 255), lists:duplicate(65535, 7), lists:duplicate(65536, 7),
     lists:seq(1, 70000), [256], [-1], "ab" ++ [300], [1000 | "ab"], [1, 2 | 3], [a | b], [[] | []],
     [1 | <<2>>], [1, 2 | 3.0], [[1, 2], [3 | 4], "x" | "y"], [a, b, c], [[]], [[[]]],
     [1.0, 2, 3], [<<>>], "日本語", [16#10FFFF], lists:seq(1, 1000) ++ [a]].

binaries() ->
    [<<>>, <<0>>, <<1, 2, 3>>, <<255>>, list_to_binary(lists:seq(0, 255)), crypto_bytes(100000)]
    ++ [<<X:B>> || B <- lists:seq(1, 7), X <- [0, 1, (1 bsl B) - 1]]
    ++ [<<1, 2, 3:5>>, <<0:1>>, <<(crypto_bytes(300))/binary, 5:3>>, <<"abc">>].

crypto_bytes(N) -> << <<(rand:uniform(256) - 1)>> || _ <- lists:seq(1, N) >>.

tuples() ->
    [{}, {a}, {1, 2}, list_to_tuple(lists:seq(1, 255)), list_to_tuple(lists:seq(1, 256)),
     list_to_tuple(lists:duplicate(70000, x)), {{}, {{}}}, {[], "", <<>>, #{}}].

maps() ->
    Keys32 = [K || K <- lists:seq(1, 32)],
    Mixed = [1, 1.0, 2, 0.5, 3, 2.5, -1, -1.0, 1 bsl 70, -(1 bsl 70), 1.0e30, a, b, "s", <<"b">>, {1},
             {1.0}, {2}, [1], [1.0], {a, b}, [], {}, self(), make_ref(), <<1:3>>, #{}, #{a => 1},
             fun lists:map/2, 0, 0.0, z],
    [#{}, #{a => 1}, #{1 => 1.0}, #{1.0 => 1}, #{1 => a, 1.0 => b},
     #{3 => a, 2.0 => b}, #{-0.0 => a}, #{0.0 => a},
     maps:from_list([{K, K * K} || K <- Keys32]),
     maps:from_list([{K, v} || K <- lists:seq(1, 33)]),
     maps:from_list([{K, v} || K <- lists:seq(1, 200)]),
     maps:from_list([{K, K} || K <- Mixed]),
     maps:from_list([{K, K} || K <- lists:sublist(Mixed, 31)]),
     maps:from_list([{K, K} || K <- Mixed ++ [extra1, extra2]]),
     #{{1, 2} => tuple, [1, 2] => list, 1.5 => float, 7 => int, self() => pid, make_ref() => ref},
     #{#{a => 1} => nested, #{} => empty, #{1 => 1.0} => m},
     maps:from_list([{pid(N, I, S, C), v} || N <- ['a@h', 'b@h'], I <- [0, 7], S <- [0, 3], C <- [1, 2]]),
     maps:from_list([{ref(N, C, Ids), v} || N <- ['a@h', 'b@h'], C <- [1, 9],
                                            Ids <- [[1], [2], [0, 1], [1, 2, 3], [3, 2, 1]]]),
     maps:from_list([{port(N, I, C), v} || N <- ['a@h', 'b@h'], I <- [0, 5, 1 bsl 40], C <- [1, 2]]),
     maps:from_list([{F, v} || F <- [fun lists:map/2, fun erlang:abs/1, fun lists:foldl/3, mk_fun(1),
                                      mk_fun(2), mk_fun(a)]]),
     maps:from_list([{list_to_atom([C]), C} || C <- "zyxwvutsrqponmlkjihgfedcbaZYXWV"])].

%% Pids, ports and references from this node, and made-up ones from other nodes.
ids() ->
    Port = open_port({spawn, "cat"}, []),
    Alias = alias(),
    [self(), spawn(fun() -> ok end), whereis(init), Port, make_ref(), erlang:monitor(process, self()),
     Alias, list_to_pid("<0.0.0>")]
    ++ erlang:ports()
    ++ [pid(N, I, S, C) || N <- ['a@h', 'x@y.z', 'é@h'], I <- [0, 1, 16#7FFF, 16#FFFFFFFF],
                           S <- [0, 16#1FFF, 16#FFFFFFFF], C <- [0, 1, 16#FFFFFFFF]]
    ++ [port(N, I, C) || N <- ['a@h'], I <- [0, 1, 16#FFFFFFFF, 16#100000000, 16#FFFFFFFFFFFFFFFF], C <- [0, 4, 16#FFFFFFFF]]
    ++ [ref(N, C, Ids) || N <- ['a@h'], C <- [0, 1, 16#FFFFFFFF],
                          Ids <- [[0], [16#3FFFF], [1, 2], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4, 5],
                                  [16#FFFFFFFF, 16#FFFFFFFF, 16#FFFFFFFF]]].

atom_bin(A) -> B = atom_to_binary(A, utf8), <<119, (byte_size(B)), B/binary>>.
pid(N, I, S, C) -> binary_to_term(<<131, 88, (atom_bin(N))/binary, I:32, S:32, C:32>>).
port(N, I, C) -> binary_to_term(<<131, 120, (atom_bin(N))/binary, I:64, C:32>>).
ref(N, C, Ids) ->
    binary_to_term(<<131, 90, (length(Ids)):16, (atom_bin(N))/binary, C:32, << <<X:32>> || X <- Ids >>/binary>>).

mk_fun(V) -> fun(X) -> {X, V} end.

funs() ->
    Y = {a, [1, 2], <<"free">>},
    [fun lists:map/2, fun erlang:'+'/2, fun 'é':'日本'/0, fun(X) -> X end, fun() -> Y end,
     fun(A, B) -> {A, B, Y, self()} end, mk_fun(1), mk_fun(#{k => [v]}), mk_fun(mk_fun(2)),
     {fun lists:map/2, [fun(X) -> X + 1 end]}].

deep() ->
    Nest = fun(F, N) -> lists:foldl(fun(_, A) -> F(A) end, leaf, lists:seq(1, N)) end,
    [Nest(fun(A) -> [A] end, 300), Nest(fun(A) -> {A} end, 300), Nest(fun(A) -> #{k => A} end, 200),
     Nest(fun(A) -> [x, A | y] end, 250), Nest(fun(A) -> {A, [A]} end, 12)].

%% ---- random terms

random_term(0) -> random_leaf();
random_term(D) ->
    case rand:uniform(10) of
        N when N =< 5 -> random_leaf();
        6 -> list_to_tuple([random_term(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        7 -> [random_term(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)];
        8 -> maps:from_list([{random_term(D - 1), random_term(D - 1)} || _ <- lists:seq(1, rand:uniform(6) - 1)]);
        9 -> [random_term(D - 1) | random_leaf()];
        10 -> maps:from_list([{random_leaf(), random_leaf()} || _ <- lists:seq(1, 20 + rand:uniform(25))])
    end.

random_leaf() ->
    case rand:uniform(14) of
        1 -> rand:uniform(600) - 300;
        2 -> (rand:uniform(1 bsl 40) - (1 bsl 39)) * (1 bsl rand:uniform(100));
        3 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        4 -> element(rand:uniform(6), {a, b, ok, '日本', 'é', ''});
        5 -> [rand:uniform(300) || _ <- lists:seq(1, rand:uniform(6) - 1)];
        6 -> crypto_bytes(rand:uniform(10) - 1);
        7 -> <<(rand:uniform(256) - 1), (rand:uniform(128) - 1):(rand:uniform(7))>>;
        8 -> pid('n@h', rand:uniform(100), rand:uniform(3) - 1, rand:uniform(3));
        %% Always 3 words: OTP 25.2.3 segfaults building a map of more than 32 keys that holds two external
        %% refs whose words differ only in count (e.g. [1,5,3] and [1,5,3,3]); they collide in its hash.
        9 -> ref('n@h', rand:uniform(3), [rand:uniform(5) || _ <- lists:seq(1, 3)]);
        10 -> rand:uniform(3) - 2 + 0.0;
        11 -> [];
        12 -> {};
        13 -> rand:uniform(3) - 2;
        14 -> port('n@h', rand:uniform(1 bsl 34), rand:uniform(3))
    end.

%% ---- a mixed list for the term order test (shuffled; erl sorts it with lists:sort)

sort_list() ->
    rand:seed(exsss, {3, 14, 15}),
    Nums = [0, 0.0, -0.0, 1, 1.0, -1, -1.0, 2, 1.5, 1 bsl 53, float(1 bsl 53), (1 bsl 53) + 1,
            1 bsl 64, float(1 bsl 64), (1 bsl 64) + 1, -(1 bsl 64), -float(1 bsl 64), 1 bsl 1000,
            1.0e301, -(1 bsl 1000), -1.0e301, 1 bsl 1023, 1.7976931348623157e308, 1 bsl 1024,
            (1 bsl 60), float(1 bsl 60), (1 bsl 60) - 1, 5.0e-324, -5.0e-324, 1 bsl 59, (1 bsl 59) + 1,
            float(1 bsl 59), 576460752303423487, 576460752303423488],
    Atoms = [a, b, aa, '', 'é', '日本', 'Z', z, '😀'],
    Refs = [ref(N, C, Ids) || N <- ['a@h', 'b@h'], C <- [1, 16#FFFFFFFF],
                              Ids <- [[0], [1], [1, 0], [0, 1], [2, 0, 0], [5, 4, 3, 2, 1], [1, 2, 3, 4, 5]]]
        ++ [make_ref(), make_ref(), alias()],
    Funs = [fun lists:map/2, fun erlang:abs/1, fun a:b/0, fun a:b/1, fun a:a/3, mk_fun(1), mk_fun(2),
            mk_fun(a), mk_fun(0.5), mk_fun(1.0), fun(X) -> X end, fun() -> ok end],
    Ports = [port(N, I, C) || N <- ['a@h', 'b@h'], I <- [0, 5, 1 bsl 40], C <- [1, 16#FFFFFFFF]]
        ++ erlang:ports(),
    Pids = [pid(N, I, S, C) || N <- ['a@h', 'b@h'], I <- [0, 5, 16#FFFFFFFF], S <- [0, 2], C <- [1, 16#FFFFFFFF]]
        ++ [self(), whereis(init)],
    Tuples = [{}, {a}, {1}, {1.0}, {a, b}, {b, a}, {1, 2, 3}, {[]}],
    Maps = [#{}, #{a => 1}, #{a => 1.0}, #{1 => a}, #{1.0 => a}, #{2 => a}, #{a => 1, b => 2},
            #{1 => b}, #{b => 1}, #{3 => a, 2.0 => b}, #{2.0 => a, 3 => b}, #{{1} => x}, #{{1.0} => x}],
    Lists = [[], [a], [a, b], [a | b], [a | <<>>], [1], [1.0], [1, 2], [1 | 2], "abc", "abd", [[]],
             [a, b | c], [a, b | <<1>>]],
    Bits = [<<>>, <<0:1>>, <<1:1>>, <<1>>, <<1, 2>>, <<128>>, <<64:7>>, <<5:3>>, <<255>>, <<1, 2:3>>],
    All = Nums ++ Atoms ++ Refs ++ Funs ++ Ports ++ Pids ++ Tuples ++ Maps ++ Lists ++ Bits
        ++ [random_term(3) || _ <- lists:seq(1, 300)],
    Shuffled = [X || {_, X} <- lists:sort([{rand:uniform(), X} || X <- All])],
    {Shuffled, lists:sort(Shuffled)}.

%% For every pair (A, B) of L, one byte: 0 when A < B, 1 when A == B, 2 when A > B, then 3 more bits in a
%% second byte: A =:= B.
compare_matrix(Path, L) ->
    ok = file:write_file(Path, << <<(cmp(A, B)), (case A =:= B of true -> 1; false -> 0 end)>>
                                  || A <- L, B <- L >>),
    length(L).

cmp(A, B) when A < B -> 0;
cmp(A, B) when A == B -> 1;
cmp(_, _) -> 2.

%% Small maps (flatmaps, which erl keeps in key order) made of successive slices of L as keys.
key_maps(L) -> key_maps(L, []).

key_maps([], Acc) -> lists:reverse(Acc);
key_maps(L, Acc) ->
    {Slice, Rest} = lists:split(min(32, length(L)), L),
    key_maps(Rest, [maps:from_list([{K, 0} || K <- Slice]) | Acc]).

%% Each term printed with io_lib:format(Format, [T]) as UTF-8, framed like the terms.
write_printed(Path, Format, Terms) ->
    ok = file:write_file(Path, [frame(unicode:characters_to_binary(io_lib:format(Format, [T]))) || T <- Terms]),
    length(Terms).
