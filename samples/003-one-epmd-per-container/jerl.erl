% Seed 003: jerl as snode in container1; erl nodes called snode run in container2 and container3.
% Type these lines, or pipe the file: ./jerl ... < samples/003-one-epmd-per-container/jerl.erl
net_adm:ping(snode@container2).
net_adm:ping(snode@container3).
nodes().
rpc:call(snode@container2, erlang, system_info, [otp_release]).
rpc:call(snode@container3, erlang, system_info, [otp_release]).
[{N, rpc:call(N, erlang, node, [])} || N <- nodes()].
q().
