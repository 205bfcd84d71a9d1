register(shell, self()).
% Wait for bus's message (bus starts once this shell is up), then leave it in the mailbox for flush().
receive Hello -> self() ! Hello after 30000 -> no_hello end.
flush().
net_kernel:monitor_nodes(true).
{shell, bus@server1} ! {"It speaks!", from, self()}.
% Stay until bus has read the answer and left.
receive {nodedown, Bus} -> Bus after 30000 -> bus_stayed end.
q().
