net_kernel:connect_node('node2@127.0.0.1').
global:sync().
global:whereis_name(iex_server) ! <<"hello from node 1!">>.
