% Seed 001, same host: jerl as foo on roger-surface-go. Type one line at a time, in the order the README gives.
nodes().
true = net_kernel:connect_node('bar@roger-surface-go').
nodes().
register(shell, self()).
% ... bar sends hello ...
flush().
% ... baz and qux start: connect to every node EPMD knows on this host ...
{ok, Names} = erl_epmd:names().
{ok, Host} = inet:gethostname().
[net_kernel:connect_node(list_to_atom(N ++ "@" ++ Host)) || {N, _} <- Names].
nodes().
q().
