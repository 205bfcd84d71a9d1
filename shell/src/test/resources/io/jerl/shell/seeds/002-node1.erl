net_kernel:connect_node(node2@server2).
Server = spawn(fun() -> receive Msg -> io:format("I got a message! ~p~n", [Msg]) end end).
global:register_name(server, Server).
% Wait until the server has printed its message and ended.
Ref = monitor(process, Server).
receive {'DOWN', Ref, process, Server, Why} -> Why after 30000 -> no_message end.
q().
