%% Terms for the round-trip tests: every type of term and the edges of each encoding.
-module(jerl_terms).
-export([edge/0, random/2]).

edge() ->
    Bounds = [0, 1 bsl 8, 1 bsl 27, 1 bsl 31, 1 bsl 32, 1 bsl 63, 1 bsl 64, 1 bsl 1000],
    Ints = lists:usort(lists:flatmap(fun(B) -> [B - 1, B, B + 1, -B - 1, -B, -B + 1] end, Bounds)),
    Floats = [0.0, -0.0, 1.5, -1.5, 0.1, 1.0e300, -1.0e300, 5.0e-324, 1.7976931348623157e308, math:pi()],
    Atoms = ['', a, 'A b', 'é', '日本', true, false,
             list_to_atom(lists:duplicate(255, $x)), list_to_atom(lists:duplicate(255, 16#65E5))],
    Bins = [<<>>, <<1, 2, 3>>, list_to_binary(lists:seq(0, 255))]
           ++ [<<5:N>> || N <- lists:seq(1, 7)] ++ [<<1, 2, 3:N>> || N <- lists:seq(1, 7)],
    Lists = [[], "abc", "日本", [256], [1 | 2], [a, b | c], [[] | []], lists:seq(1, 300),
             lists:duplicate(70000, 1), [[[]]], [<<1>> | <<2:3>>]],
    Maps = [#{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 32)]),
            maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
            #{{1, 2} => x, [1] => y, 1.0 => z, 1 => w, <<"b">> => v, self() => p, #{} => m}],
    Tuples = [{}, {a}, list_to_tuple(lists:seq(1, 255)), list_to_tuple(lists:seq(1, 256))],
    Free = 42,
    Ids = [self(), make_ref(), hd(erlang:ports()), fun(X) -> X + Free end, fun lists:map/2, node()],
    Deep = lists:foldl(fun(_, Acc) -> [Acc] end, leaf, lists:seq(1, 300)),
    Ints ++ Floats ++ Atoms ++ Bins ++ Lists ++ Maps ++ Tuples ++ Ids ++ [Deep].

random(Seed, N) ->
    rand:seed(exsss, Seed),
    [term(4) || _ <- lists:seq(1, N)].

term(0) -> leaf();
term(D) ->
    case rand:uniform(6) of
        1 -> list_to_tuple(some(D));
        2 -> some(D);
        3 -> maps:from_list([{term(D - 1), term(D - 1)} || _ <- lists:seq(1, rand:uniform(4) - 1)]);
        4 -> [term(D - 1) | term(D - 1)];
        _ -> leaf()
    end.

some(D) -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(4) - 1)].

leaf() ->
    case rand:uniform(9) of
        1 -> rand:uniform(1 bsl 70) - (1 bsl 69);
        2 -> rand:uniform(1000) - 500;
        3 -> (rand:uniform() - 0.5) * 1.0e10;
        4 -> list_to_atom([$a + rand:uniform(26) - 1]);
        5 -> list_to_binary([rand:uniform(255) || _ <- lists:seq(1, rand:uniform(5))]);
        6 -> <<(rand:uniform(100)):(rand:uniform(7))>>;
        7 -> [rand:uniform(300) || _ <- lists:seq(1, 3)];
        8 -> make_ref();
        _ -> self()
    end.
