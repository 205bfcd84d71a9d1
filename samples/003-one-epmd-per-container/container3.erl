% Seed 003: the erl snode in container3, after jerl pinged it and container2.
nodes().
q().
