% bus@server1 (jerl): typed in terminal 2
net_kernel:connect_node(car@server2).
nodes().
{ok, Info} = net_kernel:node_info(car@server2).
{shell, car@server2} ! {hello, from, self()}.
rpc:call(car@server2, erlang, node, []).
global:sync().
global:register_name(bus_shell, self()).
net_adm:ping(car@server2).
q().
