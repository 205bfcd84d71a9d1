% Seed 000, shell2: a real erl as car on server2. Type one line at a time, in the order the README gives.
register(shell, self()).
% ... bus says hello ...
flush().
{shell, bus@server1} ! {"It speaks!", from, self()}.
q().
