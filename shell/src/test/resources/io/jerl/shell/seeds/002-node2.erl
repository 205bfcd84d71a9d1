% A script cannot watch node1's screen: Await polls a condition (every 100 ms, for up to 60 s).
Await = fun W(_, 0) -> timeout; W(Ready, N) -> case Ready() of true -> ok; false -> timer:sleep(100), W(Ready, N - 1) end end, ok.
Await(fun() -> is_pid(global:whereis_name(server)) end, 600).
global:whereis_name(server) ! "hello from node 2!".
% Stay until node1 has left.
Await(fun() -> nodes() =:= [] end, 600).
q().
