% car@server2 (erl): typed in terminal 1
register(shell, self()).
flush().
nodes().
net_kernel:node_info(bus@server1).
global:whereis_name(bus_shell).
q().
