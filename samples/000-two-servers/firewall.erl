% Seed 000 with server2's firewall shut: jerl as bus on server1 tries to reach car.
% Nothing for about 7 seconds (the connection setup time), then false.
net_kernel:connect_node(car@server2).
% ... open the firewall (README), then try again: true at once.
net_kernel:connect_node(car@server2).
q().
