flush().
[{N, Runs(N)} || N <- Nodes].
[rpc:call(N, distro_calc, add, [4, 5]) || N <- Where()].
