%% Test support for io.jerl.protocol.term.format: (Format, Args) cases that erl formats with io_lib:format/2,
%% written to a file of frames <<Size:32, term_to_binary({Format, Args, Result})>> for Java to compare with.
%% Result is {ok, Utf8Binary}, {error, Class, Reason} or nontext (erl returned a list that is not text).
%% The first frame is {indexes, [{Node, Index}]}: the number this node shows for each remote node in the cases.
-module(format_corpus).
-export([cases/0, errors/0, printer_cases/0, random_cases/2, narrow_cases/2, unicode_cases/0, write/2, remote_nodes/0, frame_count/1]).

-define(REMOTE, 'remote@elsewhere').
-define(OTHER, 'other_node@far.away').

remote_nodes() -> [?REMOTE, ?OTHER].

%% ---- writing ----

write(File, Cases) ->
    Indexes = [{N, node_index(N)} || N <- remote_nodes()],
    Frames = [term_to_binary({indexes, Indexes}) | [term_to_binary(run(F, A)) || {F, A} <- Cases]],
    ok = file:write_file(File, [<<(byte_size(B)):32, B/binary>> || B <- Frames]),
    length(Cases).

frame_count(Cases) -> length(Cases).

run(F, A) ->
    Result = try io_lib:format(F, A) of
                 Chars ->
                     case unicode:characters_to_binary(Chars) of
                         B when is_binary(B) -> {ok, B};
                         _ -> nontext
                     end
             catch C:R -> {error, C, R}
             end,
    {F, A, Result}.

node_index(Node) ->
    "<" ++ Rest = pid_to_list(remote_pid(Node, 1, 0, 1)),
    [N | _] = string:split(Rest, "."),
    list_to_integer(N).

%% ---- identifiers of another node, made from their external format ----

atom_ext(A) ->
    B = atom_to_binary(A, utf8),
    <<119, (byte_size(B)), B/binary>>.

remote_pid(Node, Id, Serial, Creation) ->
    binary_to_term(<<131, 88, (atom_ext(Node))/binary, Id:32, Serial:32, Creation:32>>).

remote_ref(Node, Creation, Ids) ->
    binary_to_term(<<131, 90, (length(Ids)):16, (atom_ext(Node))/binary, Creation:32,
                     (<< <<I:32>> || I <- Ids >>)/binary>>).

remote_port(Node, Id, Creation) ->
    binary_to_term(<<131, 89, (atom_ext(Node))/binary, Id:32, Creation:32>>).

ids() ->
    [self(), make_ref(), hd(erlang:ports()), remote_pid(?REMOTE, 77, 3, 5), remote_pid(?OTHER, 4294967295, 8191, 2),
     remote_ref(?REMOTE, 5, [1, 2, 3]), remote_ref(?OTHER, 9, [4294967295, 0, 12345]),
     remote_port(?REMOTE, 42, 5), fun() -> ok end, fun(X) -> X + 1 end, fun lists:map/2,
     fun erlang:'and'/2, fun 'a@b':'C'/0, fun 'mod with space':f/3, fun 'a\x{3b1}':b/0, fun '\x{e4}':'b c'/1].

%% ---- terms ----

long_list() -> lists:seq(1, 60).
nested() -> {tag, [{key1, "value one"}, {key2, <<"value two">>}, {key3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]},
                   {key4, #{alpha => 1, beta => "two", gamma => {three, 3.0}}}],
             {another_tag, lists:seq(100, 130)}, 'end'}.
deep(0) -> leaf;
deep(N) -> [N, deep(N - 1)].
deep_tuple(0) -> {};
deep_tuple(N) -> {level, N, deep_tuple(N - 1)}.
nest_t(0) -> deep;
nest_t(N) -> {nest_t(N - 1)}.
nest_l(0) -> x;
nest_l(N) -> [nest_l(N - 1)].
big_map() -> maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]).
mixed_map() -> #{1 => a, 1.0 => b, 0.5 => c, 2 => d, x => e, "s" => f, {t} => g, <<"b">> => h, [] => i,
                 self() => j}.
long_key_map() -> #{{a_rather_long_key_name, with_a_tuple, and_more_stuff} => [lists:seq(1, 30)],
                    another_key_that_is_long => #{nested => lists:seq(1, 25), other => "a string value here"},
                    short => 1}.
records() -> [{person, "Joe Armstrong", 1950, [erlang, prolog, smalltalk], #{email => "joe@example.org"}},
              {person, "Robert Virding", 1954, [erlang, lfe, luerl], #{email => "robert@example.org"}},
              {person, "Mike Williams", 1955, [erlang, c, assembler], #{email => "mike@example.org"}}].
bin_long() -> list_to_binary(lists:seq(0, 255)).
text_long() -> list_to_binary(lists:duplicate(10, "The quick brown fox jumps over the lazy dog. ")).
latin1() -> "h\x{e9}llo w\x{f6}rld \x{e6}\x{f8}\x{e5} \x{df}".
greek() -> [945, 946, 947, 948, 949].
cjk() -> [26085, 26412, 35486].
emoji() -> [16#1F600, $\s, 16#1F680].
combining() -> [$e, 16#301, $a, 16#308, $o].

cases() ->
    Ids = ids(),
    [Pid, Ref, Port, RPid, OPid, RRef, ORef, RPort, Fun0, Fun1, Exp1, Exp2, Exp3, Exp4, Exp5, Exp6] = Ids,
    basic() ++ chars() ++ strings() ++ writes() ++ pretty() ++ floats() ++ integers() ++
    [{"~p", [Ids]}, {"~w", [Ids]}, {"~tp", [Ids]}, {"~tw", [Ids]}, {"~p", [list_to_tuple(Ids)]},
     {"~p ~p ~p", [Pid, Ref, Port]}, {"~w|~w|~w", [RPid, RRef, RPort]}, {"~p", [[OPid, ORef]]},
     {"~p", [{Fun0, Fun1}]}, {"~w", [[Exp1, Exp2, Exp3]]}, {"~p", [[Exp4, Exp5, Exp6]]}, {"~tp", [Exp6]},
     {"~p", [#{pid => Pid, ref => Ref, port => Port, remote => {RPid, RRef, RPort}, funs => [Fun0, Exp1]}]},
     {"~30p", [[Pid, RPid, OPid, Ref, RRef]]}, {"~20w|", [Pid]}, {"~-20w|", [RPid]}, {"~5w|", [ORef]},
     {"~P", [[Pid, Ref, Port, RPid], 3]}, {"~W", [{RPid, [RRef, ORef]}, 3]}, {"~s", [pid_to_list(Pid)]}].

basic() ->
    [{"", []}, {"abc", []}, {"~~", []}, {"a~nb", []}, {"~n", []}, {"~3n|", []}, {"~0n|", []},
     {"tab\there~p", [x]}, {"\x{3b1}\x{3b2} ~p", [[1, 2]]}, {<<"~p~n">>, [{a, b}]}, {'x~wy', [1]},
     {<<"~w \x{c3}\x{a4}">>, [1]}, {"~i~w", [ignored, shown]}, {"~i", [{a, b}]}, {"~5~|", []}, {"~-5~|", []},
     {"~5.2~|", []}, {["ab", "c~w"], []}, {["ab", <<"c">>, $d], []}, {"~w~w~w", [a, b, c]},
     {[$~, $w, $\s, 16#1F600], [1]}, {"~p~n~p~n", [a, "b"]}].

chars() ->
    [{"~c", [$a]}, {"~5c|", [$a]}, {"~-5c|", [$b]}, {"~.3c|", [$c]}, {"~5.3c|", [$d]}, {"~-5.3c|", [$e]},
     {"~5.3.xc|", [$f]}, {"~-5.3.*c|", [$_, $g]}, {"~c", [256 + $a]}, {"~c", [-1]}, {"~c", [16#3b1]},
     {"~tc", [16#3b1]}, {"~tc", [16#1F600]}, {"~3tc", [16#3b1]}, {"~c~c~c", [$x, $y, $z]}, {"~c", [0]},
     {"~c", [255]}, {"~*c|", [4, $z]}, {"~-*c|", [4, $z]}, {"~*c|", [-4, $z]}, {"~.*c|", [2, $q]},
     {"~c", [1 bsl 70 + $k]}].

strings() ->
    S = "abcdef",
    [{"~s", [S]}, {"~10s|", [S]}, {"~-10s|", [S]}, {"~.2s|", [S]}, {"~10.2s|", [S]}, {"~-10.2s|", [S]},
     {"~10.8s|", [S]}, {"~-10.8s|", [S]}, {"~6.6s|", [S]}, {"~3s|", [S]}, {"~.10s|", [S]}, {"~10.5.*s|", [$#, S]},
     {"~10..s|", [S]}, {"~-10.3.-s|", [S]}, {"~*s|", [8, S]}, {"~*.*s|", [-9, 4, S]}, {"~0s|", [S]},
     {"~s", [<<"binary">>]}, {"~s", [atom]}, {"~s", ['quoted atom']}, {"~s", [["deep", [$l, "is"], <<"t">>]]},
     {"~s", [[]]}, {"~s", [<<>>]}, {"~s", [[$a | <<"bc">>]]}, {"~s", [latin1()]}, {"~ts", [latin1()]},
     {"~s", [<<"\x{c3}\x{a4}">>]}, {"~ts", [<<"\x{c3}\x{a4}">>]}, {"~ts", [<<255, 254>>]},
     {"~ts", [greek()]}, {"~ts", [cjk()]}, {"~ts", [emoji()]}, {"~ts", [combining()]},
     {"~10ts|", [cjk()]}, {"~-10ts|", [greek()]}, {"~3ts|", [greek()]}, {"~-8ts|", [combining()]},
     {"~3ts|", [combining()]}, {"~.2ts|", [combining()]}, {"~ts", [unicode:characters_to_binary(cjk())]},
     {"~ts", [list_to_atom(greek())]}, {"~10ts|", [list_to_atom(greek())]}, {"~ts", [[greek(), <<"x">>, cjk()]]},
     {"~-8s|", ["\r\nab"]}, {"~-8ts|", ["\r\nab"]}, {"~2ts|", ["\r\nab"]}, {"~-8ts|", ["\r\nab" ++ greek()]},
     {"~s", ["quote\"and\\backslash"]}, {"~s~s", ["a", "b"]}, {"[~s]", [""]}, {"~ts", [[]]},
     {"~20.10.=s|", ["padded"]}, {"~-20.10.=s|", ["padded"]}, {"~s", [lists:seq(0, 255)]},
     {"~ts", [[0, 1, 2, 127, 128, 159, 160]]}, {"~5ts|", [<<"abc">>]}, {"~s", [<<"abc", 200>>]}].

writes() ->
    Atoms = [ok, 'hello world', 'Quoted', '', 'case', 'a@b', 'with\'quote', 'back\\slash', 'new\nline',
             'tab\tchar', 'del\x{7f}', 'ctl\x{1}', 'hi\x{85}', '\x{e9}t\x{e9}', 'caf\x{e9}', '\x{d7}x',
             '\x{f7}x', 'x\x{f7}', 'a\x{b5}', list_to_atom(greek()), list_to_atom(cjk()), 'true', 'maybe', 'else',
             '_under', '9lives', 'x9_Y@z', '\x{df}tra\x{df}e', '\x{c0}b'],
    [{"~w", [Atoms]}, {"~tw", [Atoms]}, {"~p", [Atoms]}, {"~tp", [Atoms]}] ++
    [{"~w", [A]} || A <- Atoms] ++ [{"~tp", [A]} || A <- Atoms] ++
    [{"~w", [-1]}, {"~w", [1 bsl 100]}, {"~w", [-(1 bsl 64)]}, {"~w", [123456789012345678901234567890]},
     {"~w", [[1, -2, 3.0, -4.5e-10]]}, {"~w", ["abc"]}, {"~w", [[]]}, {"~w", [{}]}, {"~w", [#{}]},
     {"~w", [<<>>]}, {"~w", [<<1, 2, 3>>]}, {"~w", [<<"text">>]}, {"~w", [<<5:3>>]}, {"~w", [<<1, 2, 3:4>>]},
     {"~w", [<<255, 1:1>>]}, {"~w", [[a | b]]}, {"~w", [[1, 2 | 3]]}, {"~w", [{a, {b, [c, {d}]}}]},
     {"~w", [mixed_map()]}, {"~w", [big_map()]}, {"~w", [#{a => #{b => #{c => []}}}]}, {"~10w|", [abc]},
     {"~-10w|", [abc]}, {"~3w|", [abcdef]}, {"~5.3w|", [abcdef]}, {"~5.3w|", [ab]}, {"~.3w|", [abcd]},
     {"~10.4.*w|", [$., {a, b}]}, {"~-10.2.0w|", [7]}, {"~tw", [latin1()]}, {"~w", [latin1()]},
     {"~10tw|", [list_to_atom(greek())]}, {"~10w|", [list_to_atom(greek())]}] ++
    [{"~W", [{a, [b, [c, [d, [e]]]], "string", <<1, 2, 3, 4>>, #{k => v, k2 => v2}}, D]} || D <- lists:seq(0, 7)] ++
    [{"~W", [[1, 2, 3, 4, 5], 3]}, {"~W", [[a | b], 2]}, {"~W", [[a, c | b], 3]}, {"~W", [#{a => 1}, 2]},
     {"~W", [#{a => 1, b => 2}, 3]}, {"~W", [#{a => 1, b => 2, c => 3}, 1]}, {"~W", [{a}, 2]},
     {"~W", [<<1, 2, 3>>, 2]}, {"~W", [<<1, 2, 3:4>>, 3]}, {"~W", [<<1, 2, 3:4>>, 4]}, {"~W", [x, -3]},
     {"~tW", [[list_to_atom(greek()), greek()], 2]}, {"~12W|", [[1, 2, 3, 4], 3]}].

pretty() ->
    R = records(),
    [{"~p", [long_list()]}, {"~p", [nested()]}, {"~p", [R]}, {"~p", [deep(30)]}, {"~p", [deep_tuple(25)]},
     {"~p", [big_map()]}, {"~p", [mixed_map()]}, {"~p", [long_key_map()]}, {"~p", [bin_long()]},
     {"~p", [text_long()]}, {"~p", [{bin_long(), text_long()}]}, {"~p", [[text_long()]]},
     {"~p", [lists:duplicate(8, "a string in a list")]}, {"~p", [lists:duplicate(12, <<"binary">>)]},
     {"~p", [lists:seq(1, 40) ++ improper]}, {"~p", [[{a, lists:seq(1, 30)} | {b, lists:seq(1, 30)}]]},
     {"~p", [{lists:seq(1, 30), lists:seq(1, 30)}]}, {"~p", [{tagged, lists:seq(1, 30), lists:seq(1, 30)}]},
     {"~p", [{a_very_long_tag_name_that_is_long_indeed, lists:seq(1, 25), [x, y, z], {more, lists:seq(1, 20)}}]},
     {"~p", [{'a tag that needs quoting', lists:seq(1, 40)}]},
     {"~p", [{ok, #{lists:seq(1, 20) => lists:seq(1, 20), key => lists:seq(1, 40)}}]},
     {"~p", [#{{tuple, key} => [list, value], "string key" => <<"binary value">>, 1.5 => -7}]},
     {"~p", [#{list => lists:seq(1, 100)}]}, {"~p", [[#{a => lists:seq(1, 10)}, #{b => lists:seq(1, 40)}]]},
     {"~p", ["abc"]}, {"~p", [latin1()]}, {"~tp", [latin1()]}, {"~p", [greek()]}, {"~tp", [greek()]},
     {"~p", [[latin1(), greek()]]}, {"~p", [<<"h\x{c3}\x{a9}llo">>]}, {"~tp", [<<"h\x{c3}\x{a9}llo">>]},
     {"~tp", [unicode:characters_to_binary(greek())]}, {"~p", [unicode:characters_to_binary(greek())]},
     {"~tp", [<<"abc", 200, 201>>]}, {"~p", [<<"abc", 200, 201>>]}, {"~p", [<<"line\nbreak\ttab\e\"">>]},
     {"~p", ["line\nbreak\ttab\e\"\\\x{7f}"]}, {"~p", [[7, 8, 9, 10, 11, 12, 13, 27]]}, {"~p", [[127]]},
     {"~lp", ["abc"]}, {"~lp", [<<"abc">>]}, {"~lp", [[latin1(), <<"x">>]]}, {"~ltp", ["abc"]},
     {"~p", [[]]}, {"~p", [{}]}, {"~p", [#{}]}, {"~p", [<<>>]}, {"~p", [[[]]]}, {"~p", [[{}, #{}, <<>>]]},
     {"~p", [<<1, 2, 3:4>>]}, {"~p", [list_to_bitstring([bin_long(), <<3:2>>])]}, {"~p", [42]}, {"~p", [-1.5]},
     {"~p", [1 bsl 200]}, {"~p", [atom]}, {"~p", ['Quoted atom']}, {"~p", [3.14]},
     {"~40p", [long_list()]}, {"~20p", [nested()]}, {"~0p", [nested()]}, {"~1p", [{a, [b, c]}]},
     {"~.10p", [long_list()]}, {"~50.20p", [nested()]}, {"~.1p", [long_list()]}, {"~.0p", [long_list()]},
     {"~.*p", [30, long_list()]}, {"~*p", [30, long_list()]}, {"~10p", [abc]},
     {"prefix text here: ~p", [nested()]}, {"~p~p", [long_list(), long_list()]},
     {"first line~nsecond ~p", [long_list()]}, {"\t\t~p", [long_list()]}, {"abc\tdef ~p", [long_list()]},
     {"~ts~p", [greek(), long_list()]}, {"~ts~p", [combining(), long_list()]}, {"~s ~p", [latin1(), nested()]},
     {"~w ~p", [lists:seq(1, 20), lists:seq(1, 25)]}, {"~p ~p ~p", [R, nested(), long_list()]},
     {"~p", [lists:seq(1, 300)]}, {"~p", [[lists:seq(1, 15) || _ <- lists:seq(1, 8)]]},
     {"~p", [nest_t(20)]}, {"~p", [nest_l(20)]}, {"~p", [nest_l(400)]}, {"~w", [nest_t(400)]}, {"~p", [nest_l(2000)]}, {"~tp", [nest_t(2000)]},
     {"~p", [deep_tuple(60)]}, {"~P", [deep_tuple(60), 30]}, {"~p", [deep(300)]},
     {"~p", [maps:from_list([{I, I} || I <- lists:seq(1, 33)])]},
     {"~w", [maps:from_list([{{I, integer_to_list(I)}, [I]} || I <- lists:seq(1, 100)])]},
     {"~p", [maps:from_list([{list_to_atom("key" ++ integer_to_list(I)), I / 3} || I <- lists:seq(1, 150)])]},
     {"~P", [maps:from_list([{I, {I}} || I <- lists:seq(1, 64)]), 6]},
     {"~p", [#{inner => big_map(), list => [big_map()]}]},
     {"~p", [{a, {b, {c, {d, {e, {f, {g, {h, lists:seq(1, 40)}}}}}}}}]},
     {"~p", [[{key, "value"}, {another_key, "another value"}, {third, {nested, "tuple", with, "strings"}}]]},
     {"~p", [{error, {badmatch, [{module, function, 2, [{file, "src/module.erl"}, {line, 42}]}]}}]},
     {"~p", [{state, undefined, [], #{}, <<>>, 0, false, "name", 'name', 1.0e100, -1.0e-100}]},
     {"~p", [{x, 'a rather long atom that needs quoting because of spaces', 'another one like it!'}]},
     {"~p", [{lists:seq(1, 10), lists:seq(11, 20), lists:seq(21, 30), lists:seq(31, 40)}]},
     {"~p", [[a | lists:seq(1, 30) ++ [{tail, lists:seq(1, 30)}]]]},
     {"~p", [[1, 2, 3 | lists:duplicate(30, "s")]]},
     {"~p", [{lists:duplicate(40, $a), lists:duplicate(40, $b)}]}] ++
    [{"~P", [nested(), D]} || D <- [0, 1, 2, 3, 4, 5, 8, 20]] ++
    [{"~P", [T, D]} || T <- [long_list(), text_long(), bin_long(), big_map(), "abcdefghijklmnopqrstuvwxyz",
                             <<"abcd", 1, "efghijklmnopqrstuvwxyz">>, unicode:characters_to_binary(greek()),
                             R, [[1, 2], [3, 4], [5, 6]], [a | b], [a, c | b]],
                       D <- [1, 2, 3, 5, 9]] ++
    [{"~tP", [unicode:characters_to_binary(latin1()), 4]}, {"~tP", [unicode:characters_to_binary(greek()), 3]},
     {"~P", [{<<1, 2, 3>>}, 2]}, {"~P", [#{a => [1, 2, 3]}, 3]}, {"~P", [x, 1]}, {"~P", [[x], 1]},
     {"~P", [long_list(), -1]}, {"~40P", [nested(), 4]}].

floats() ->
    Vs = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2 / 3, 123456.789, 1.0e-10, 1.0e100, 5.0e-324,
          1.7976931348623157e308, 9.9999999, 0.5, 2.5, 0.125, 0.375, 1.0e15, 1.0e16, 9007199254740993.0,
          -123.456e-7, 99.995, 0.05, 0.95, 9999.5, 12345.6789, 0.0001, 7.0e22],
    [{"~p", [Vs]}, {"~w", [Vs]}] ++
    [{F, [V]} || F <- ["~e", "~f", "~g", "~.3e", "~.2f", "~.3g", "~.10e", "~15.7g|"], V <- Vs] ++
    [{"~.1f", [0.05]}, {"~.1f", [0.95]}, {"~.2e", [9.999]}, {"~.3e", [9.9996]}, {"~.30f", [0.1]},
     {"~.25e", [0.1]}, {"~.1g", [0.5]}, {"~.1g", [0.05]}, {"~.1g", [5.0]}, {"~.2g", [99.9]}, {"~.2g", [0.099]},
     {"~10.3f|", [3.14159]}, {"~-10.3f|", [3.14159]}, {"~10.4.0f|", [-2.5]}, {"~3.1f|", [1234.5]},
     {"~12.4e|", [6.02e23]}, {"~-12.4e|", [-6.02e-23]}, {"~5e|", [1.0]}, {"~*.*f|", [9, 2, 1.005]},
     {"~f", [1.0e22]}, {"~.2f", [-0.001]}, {"~.1e", [1.0]}].

integers() ->
    Ns = [0, 1, -1, 255, -255, 65535, 1 bsl 64, -(1 bsl 70) + 5, 123456789],
    [{F, [N]} || F <- ["~b", "~B", "~.2b", "~.16b", "~.16B", "~.36B", "~.8#", "~.16+", "~10b|", "~-10B|",
                       "~3b|", "~10.16.0B|", "~-10.2.0b|", "~.16.xB"], N <- Ns] ++
    [{"~x", [255, "0x"]}, {"~.16x", [-255, '0x']}, {"~.16X", [-255, "0x"]}, {"~.16x", [255, ""]},
     {"~.16x", [255, ["0", "x"]]}, {"~.16X", [255, '\x{3b1}']}, {"~12.16.0X|", [48879, "0x"]},
     {"~-12.16X|", [48879, "#"]}, {"~.16#", [255]}, {"~.16+", [255]}, {"~#", [10]}, {"~+", [-10]},
     {"~.*B", [7, 100]}, {"~*B|", [6, 100]}, {"~.2.xb", [5]}].

%% ---- terms on which TermPrinter (jerl's ~tw without node numbering) once differed from erl ----

printer_cases() ->
    Ts = ['ctl\x{1}', 'esc\e', 'c1\x{85}\x{9f}', 'nbsp\x{a0}', 'del\x{7f}', maybe, else, 'maybe', [maybe, else],
          fun erlang:'and'/2, fun 'a@b':'C'/0, fun 'a\nb':'c\x{7f}d\ee\x{85}'/0, fun 'mod with space':f/3,
          fun 'a\x{3b1}':b/0, fun '\x{e4}':'b c'/1, fun 'Mod':'if'/0, fun 'a\'b':'\\'/0,
          erlang:make_fun('\x{e4}\x{3b1}', f, 2),
          1074001051090284.25, [1125899906842624.0 + K * 0.25 || K <- lists:seq(1, 12)],
          [9007199254740992.0 * K + 2.0 * K || K <- lists:seq(1, 6)], 5.0e-324, 0.3, 2.5e-8],
    [{"~tw", [T]} || T <- Ts].

%% ---- erroneous inputs: erl raises badarg for each ----

errors() ->
    [{"~q", [1]}, {"~", []}, {"abc~", []}, {"~w", []}, {"~w", [1, 2]}, {"~W", [a]}, {"~x", [1]},
     {"~s", [123]}, {"~s", [[256]]}, {"~s", [<<1:3>>]}, {"~s", ['a\x{3b1}']}, {"~s", [[a]]},
     {"~s", [[$a | b]]}, {"~s", [{a}]}, {"~e", [1]}, {"~f", [1]}, {"~g", [a]}, {"~d", [1]}, {"~.1e", [1.0]},
     {"~.0f", [1.0]}, {"~.0g", [1.0]}, {"~.37b", [1]}, {"~.1b", [1]}, {"~b", [1.0]}, {"~c", [1.0]},
     {"~-10p", [abc]}, {"~-3n", []}, {"~3.5c", [$a]}, {"~3.5s", ["a"]}, {"~W", [a, b]}, {"~P", [a, 1.0]},
     {"~x", [1, <<"0x">>]}, {"~x", [1, [a]]}, {"~x", [a, "0x"]}, {"abc", [1 | 2]}, {"abc", foo},
     {42, []}, {[$a | $b], []}, {[$a, foo], []}, {"~*w", [a, 1]}, {"~-s", ["a"]}, {"~.*s", [-1, "abc"]},
     {"~.*f", [-1, 1.0]}, {"~tq", [1]}, {"~lt", []}, {"~10.2.", []}, {"~ts", [[-1]]},
     {"~p~p", [a]}, {"~n", [extra]}, {"~~", [extra]}].

%% ---- a printable range of unicode (run on a node started with +pc unicode) ----

unicode_cases() ->
    Ts = [greek(), cjk(), emoji(), combining(), latin1(), [greek(), cjk()], {greek(), <<"x">>},
          unicode:characters_to_binary(greek()), unicode:characters_to_binary(cjk() ++ latin1()),
          unicode:characters_to_binary(latin1()), [16#FFFE], [16#D7FF, 16#E000], [16#10FFFF],
          #{greek() => cjk()}, lists:duplicate(6, cjk() ++ greek()), [$a, 16#2028, $b]],
    [{F, [T]} || F <- ["~tp", "~p", "~tw", "~40tp", "abc ~tp", "~lp"], T <- Ts] ++
    [{"~tP", [T, D]} || T <- [unicode:characters_to_binary(greek() ++ "abcdefghij"), greek() ++ cjk()],
                        D <- [2, 3, 4]] ++
    [{"~ts~tp", [cjk(), lists:duplicate(6, greek())]}].

%% ---- random terms ----

random_cases(Seed, N) ->
    rand:seed(exsss, {Seed, Seed * 7 + 1, Seed * 13 + 5}),
    lists:append([term_cases(gen(rand:uniform(5))) || _ <- lists:seq(1, N)]).

%% Narrow line lengths and indented starts, where erl falls back on indenting tagged tuples by 4 or 1.
narrow_cases(Seed, N) ->
    rand:seed(exsss, {Seed, Seed * 3 + 11, Seed * 5 + 17}),
    [begin
         T = case rand:uniform(3) of
                 1 -> gen(rand:uniform(5));
                 _ -> {atom(), gen(rand:uniform(4)), gen(rand:uniform(3)), {atom(), gen(2)}}
             end,
         Prefix = lists:duplicate(rand:uniform(40) - 1, $.),
         case rand:uniform(4) of
             1 -> {Prefix ++ "~*p", [rand:uniform(70) + 5, T]};
             2 -> {Prefix ++ "~*tp", [rand:uniform(70) + 5, T]};
             3 -> {"~*.*p", [rand:uniform(70) + 5, rand:uniform(50), T]};
             4 -> {Prefix ++ "~*P", [rand:uniform(60) + 10, T, rand:uniform(10)]}
         end
     end || _ <- lists:seq(1, N)].

term_cases(T) ->
    [{"~p", [T]}, {"~w", [T]}, {"~tp", [T]}, {"~tw", [T]}, {"~P", [T, rand:uniform(8)]}, {"~lp", [T]},
     {"~45p", [T]}, {"some text: ~p", [T]}, {"~W", [T, rand:uniform(6)]}].

gen(0) -> leaf();
gen(D) ->
    case rand:uniform(13) of
        1 -> leaf();
        2 -> leaf();
        3 -> list_to_tuple(gen_list(D - 1, rand:uniform(6) - 1));
        4 -> list_to_tuple([atom() | gen_list(D - 1, rand:uniform(5))]);
        5 -> gen_list(D - 1, rand:uniform(8) - 1);
        6 -> string();
        7 -> maps:from_list([{gen(D - 1), gen(D - 1)} || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        8 -> binary();
        9 -> gen_list(D - 1, rand:uniform(4)) ++ leaf();
        10 -> gen_list(D - 1, rand:uniform(25));
        11 -> [string() || _ <- lists:seq(1, rand:uniform(6))];
        12 -> maps:from_list([{atom(), gen(D - 1)} || _ <- lists:seq(1, rand:uniform(6))]);
        13 -> {atom(), gen(D - 1)}
    end.

gen_list(D, N) -> [gen(D) || _ <- lists:seq(1, N)].

pick(L) -> lists:nth(rand:uniform(length(L)), L).

leaf() ->
    case rand:uniform(16) of
        1 -> rand:uniform(1000) - 500;
        2 -> rand:uniform(1 bsl 90) - (1 bsl 89);
        3 -> pick([0.0, -0.0, 1.5, 0.1, 1.0e-7, 1.0e22, 123.456]);
        4 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        5 -> atom();
        6 -> atom();
        7 -> pick(ids());
        8 -> pick([[], {}, #{}, <<>>, "", <<5:3>>, <<1, 2, 3:5>>]);
        9 -> string();
        10 -> binary();
        11 -> rand:uniform(256) - 1;
        12 -> pick(ids());
        _ -> rand:uniform(100)
    end.

atom() ->
    pick([ok, error, undefined, 'hello world', 'Quoted', '', 'case', 'a@b', 'it\'s', '\x{e9}t\x{e9}',
          list_to_atom(greek()), 'new\nline', a_fairly_long_atom_name_for_breaking, x, y, z, tag, 'end']).

string() ->
    case rand:uniform(7) of
        1 -> [rand:uniform(95) + 31 || _ <- lists:seq(1, rand:uniform(30))];
        2 -> latin1();
        3 -> greek();
        4 -> "with\nnewline and \"quotes\" \\ and\ttab";
        5 -> [rand:uniform(255) || _ <- lists:seq(1, rand:uniform(8))];
        6 -> lists:duplicate(rand:uniform(70), $x);
        7 -> "short"
    end.

binary() ->
    case rand:uniform(6) of
        1 -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(40))]);
        2 -> list_to_binary(string_ascii(rand:uniform(60)));
        3 -> unicode:characters_to_binary(latin1());
        4 -> unicode:characters_to_binary(greek() ++ "abc");
        5 -> <<(list_to_binary(string_ascii(rand:uniform(10))))/binary, (rand:uniform(7)):3>>;
        6 -> <<"text", 0, "more text">>
    end.

string_ascii(N) -> [rand:uniform(95) + 31 || _ <- lists:seq(1, N)].
