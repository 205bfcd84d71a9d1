#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% Reads texts separated by NUL bytes from the file named by the second argument and reports, after a first line
%% "otp <release>", one line per text, what OTP's scanner and the shell's parser make of it, in the shape the jerl grammar
%% tests compare against:
%%
%%   ok <abstract format of the expressions, every annotation 0 and chars as integers, written with ~tw>
%%   error <Line>:<Column>: <message as the erl shell prints it after "* ">
%%   crash <class>:<reason>   (OTP's parse_exprs itself fails on a few texts)
%%
%% Mode "parse" stops after erl_parse:parse_exprs/1. Mode "shell" also runs erl_lint over parsed expressions, as the
%% shell does before evaluating, so that "record rec undefined" and "illegal expression" are reported too.
main([Mode, File]) ->
    ok = io:setopts(standard_io, [{encoding, unicode}]),
    {ok, Bin} = file:read_file(File),
    Texts = binary:split(Bin, <<0>>, [global]),
    io:put_chars(["otp ", erlang:system_info(otp_release), $\n]),
    lists:foreach(fun(T) -> io:put_chars([safe_check(Mode, unicode:characters_to_list(T)), $\n]) end, Texts),
    halt(0).

%% OTP 25's parse_exprs crashes on some texts ("X; f() -> 1."): say so rather than stop.
safe_check(Mode, Text) ->
    try check(Mode, Text)
    catch Class:Reason -> io_lib:format("crash ~w:~w", [Class, element(1, Reason)])
    end.

%% The shell scans with the text option and parses with erl_eval:extended_parse_exprs/1, which is erl_parse plus
%% one step before it: printed pids, ports, references and funs (<0.85.0>, #Ref<0.1.2.3>, #Fun<m.f.1>) become
%% calls of erlang:list_to_pid/port/ref (or fun M:F/A). Plain erl_parse:parse_exprs/1 rejects them; jerl's grammar
%% follows the shell, so the corpora are checked against what the shell parses.
check(Mode, Text) ->
    case erl_scan:string(Text, {1, 1}, [text]) of
        {ok, Tokens, _} ->
            case erl_eval:extended_parse_exprs(Tokens) of
                {ok, Exprs} -> parsed(Mode, Exprs);
                {error, {Loc, Mod, Desc}} -> error_line(Loc, Mod, Desc)
            end;
        {error, {Loc, Mod, Desc}, _} ->
            error_line(Loc, Mod, Desc)
    end.

parsed("parse", Exprs) ->
    ["ok ", io_lib:format("~tw", [strip(Exprs)])];
parsed("shell", Exprs) ->
    case erl_lint:exprs(Exprs, []) of
        {ok, _} -> ["ok ", io_lib:format("~tw", [strip(Exprs)])];
        {error, Errors, _} ->
            [{Loc, Mod, Desc} | _] = lists:sort([E || {_, Es} <- Errors, E <- Es]),
            error_line(Loc, Mod, Desc)
    end.

error_line({Line, Col}, Mod, Desc) ->
    ["error ", integer_to_list(Line), ":", integer_to_list(Col), ": ", Mod:format_error(Desc)];
error_line(Line, Mod, Desc) ->
    ["error ", integer_to_list(Line), ":0: ", Mod:format_error(Desc)].

strip(Exprs) ->
    chars_as_integers(erl_parse:map_anno(fun(_) -> 0 end, Exprs)).

chars_as_integers({char, A, C}) -> {integer, A, C};
chars_as_integers(T) when is_tuple(T) -> list_to_tuple(chars_as_integers(tuple_to_list(T)));
chars_as_integers([H | T]) -> [chars_as_integers(H) | chars_as_integers(T)];
chars_as_integers(X) -> X.
