% Seed 000, shell1: jerl as bus on server1. Type one line at a time, in the order the README gives.
net_kernel:connect_node(car@server2).
register(shell, self()).
{shell, car@server2} ! {hello, from, self()}.
% ... car flushes and answers ...
flush().
q().
