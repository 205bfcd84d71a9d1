% Stay while foo tries its cookie: until foo has appeared in EPMD and gone again (polled every 20 ms, so
% even a quick foo is seen; there is no other way to watch a node that cannot connect).
Await = fun W(_, 0) -> timeout; W(Ready, N) -> case Ready() of true -> ok; false -> timer:sleep(20), W(Ready, N - 1) end end, ok.
FooListed = fun() -> {ok, Names} = erl_epmd:names(), lists:keymember("foo", 1, Names) end, ok.
Await(FooListed, 3000).
Await(fun() -> not FooListed() end, 3000).
nodes().
q().
