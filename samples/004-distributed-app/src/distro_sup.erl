%% Restarts the calculator if it crashes; the application runs while this supervisor runs.
-module(distro_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, distro_sup}, distro_sup, []).

init([]) ->
    Calc = #{id => distro_calc, start => {distro_calc, start_link, []}},
    {ok, {#{strategy => one_for_one}, [Calc]}}.
