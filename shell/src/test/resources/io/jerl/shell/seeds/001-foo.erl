nodes().
true = net_kernel:connect_node('bar@ROGER-SURFACE-GO').
nodes().
register(shell, self()).
% Wait for bar's hello, then leave it in the mailbox for flush().
receive Hello -> self() ! Hello after 30000 -> no_hello end.
flush().
q().
