% Seed 001, two hosts: jerl as demo on roger-nuc0.
% First started without -setcookie: each host has its own ~/.erlang.cookie, so the cookies differ.
net_kernel:connect_node('demo@roger-nuc3.lan').
q().
% Started again with -setcookie KMZWIWWTBVPEBURCLHVQ, like demo on roger-nuc3:
net_kernel:connect_node('demo@roger-nuc3.lan').
nodes().
% ... demo on roger-nuc3 registers its shell ...
{shell, 'demo@roger-nuc3.lan'} ! hello.
q().
