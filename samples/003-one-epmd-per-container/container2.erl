% Seed 003: the erl snode in container2 calls jerl in container1 (jerl's rex process answers).
rpc:call(snode@container1, erlang, node, []).
rpc:call(snode@container1, erlang, nodes, []).
% jerl is not an Erlang runtime, but its rex serves the built-ins its shell evaluates.
rpc:call(snode@container1, erlang, system_info, [otp_release]).
q().
