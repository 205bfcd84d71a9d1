%% The application callback. StartType tells how this node got the application:
%%   normal                    - the first start, on the first node of the `distributed` list
%%   {failover, DeadNode}      - DeadNode went down and stayed down longer than the failover delay
%%   {takeover, RunningNode}   - a node earlier in the list came back and takes it from RunningNode
-module(distro_app).
-behaviour(application).
-export([start/2, stop/1]).

start(StartType, _Args) ->
    io:format("distro: starting on ~p in ~p mode~n", [node(), StartType]),
    distro_sup:start_link().

stop(_State) ->
    io:format("distro: stopped on ~p~n", [node()]),
    ok.
