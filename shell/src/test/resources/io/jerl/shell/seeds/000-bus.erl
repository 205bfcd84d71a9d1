net_kernel:connect_node(car@server2).
register(shell, self()).
{shell, car@server2} ! {hello, from, self()}.
% A script cannot watch the other screen: wait for car's answer, leave it in the mailbox for flush().
receive Answer -> self() ! Answer after 30000 -> no_answer end.
flush().
q().
