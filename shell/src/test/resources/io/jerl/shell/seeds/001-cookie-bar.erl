% Stay while foo tries its cookie: until foo has appeared in EPMD and gone again.
Await = fun W(_, 0) -> timeout; W(Ready, N) -> case Ready() of true -> ok; false -> timer:sleep(100), W(Ready, N - 1) end end, ok.
FooListed = fun() -> {ok, Names} = erl_epmd:names(), lists:keymember("foo", 1, Names) end, ok.
Await(FooListed, 600).
Await(fun() -> not FooListed() end, 600).
nodes().
q().
