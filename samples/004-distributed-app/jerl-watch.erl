net_adm:ping('one@127.0.0.1').
Nodes = ['one@127.0.0.1', 'two@127.0.0.1', 'three@127.0.0.1'].
Runs = fun(N) -> case rpc:call(N, application, which_applications, []) of Apps when is_list(Apps) -> lists:keymember(distro, 1, Apps); Down -> Down end end.
Where = fun() -> [N || N <- Nodes, Runs(N) =:= true] end.
net_kernel:monitor_nodes(true).
rpc:call('two@127.0.0.1', distro_calc, add, [4, 5]).
