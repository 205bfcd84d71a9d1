% Seed 003: the erl snode in container2 calls jerl in container1 (jerl's rex process answers).
rpc:call(snode@container1, erlang, node, []).
rpc:call(snode@container1, erlang, nodes, []).
% jerl is not an Erlang runtime: it answers the functions it serves, and undef for the others.
rpc:call(snode@container1, erlang, system_info, [otp_release]).
q().
