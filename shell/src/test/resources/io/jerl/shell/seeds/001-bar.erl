% A script cannot watch foo's screen: Await polls a condition (every 100 ms, for up to 60 s).
Await = fun W(_, 0) -> timeout; W(Ready, N) -> case Ready() of true -> ok; false -> timer:sleep(100), W(Ready, N - 1) end end, ok.
Await(fun() -> nodes() =/= [] end, 600).
nodes().
Await(fun() -> is_pid(rpc:call('foo@ROGER-SURFACE-GO', erlang, whereis, [shell])) end, 600).
{shell, 'foo@ROGER-SURFACE-GO'} ! hello.
% Stay until foo has flushed and left.
Await(fun() -> nodes() =:= [] end, 600).
q().
