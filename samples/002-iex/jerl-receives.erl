net_adm:names().
net_kernel:connect_node('node2@127.0.0.1').
global:sync().
Server = spawn(fun() -> receive Msg -> io:format("I got a message! ~p~n", [Msg]) end end).
global:register_name(server, Server).
Ref = monitor(process, Server), receive {'DOWN', Ref, process, Server, Why} -> {server_ended, Why} end.
