%% The application's work: a server, registered locally as distro_calc, that adds numbers.
%% It exists only on the node that runs the application, so add/2 on another node exits with noproc.
-module(distro_calc).
-behaviour(gen_server).
-export([start_link/0, add/2]).
-export([init/1, handle_call/3, handle_cast/2]).

start_link() ->
    gen_server:start_link({local, distro_calc}, distro_calc, [], []).

%% The sum and the node that computed it.
add(A, B) ->
    gen_server:call(distro_calc, {add, A, B}).

init([]) ->
    {ok, no_state}.

handle_call({add, A, B}, _From, State) ->
    {reply, {A + B, node()}, State}.

handle_cast(_Message, State) ->
    {noreply, State}.
