% Seed 001, two hosts: a real erl as demo on roger-nuc3.
% First started without -setcookie: nothing to type; it logs the rejected attempt from roger-nuc0.
q().
% Started again with -setcookie KMZWIWWTBVPEBURCLHVQ:
nodes().
register(shell, self()).
% ... demo on roger-nuc0 sends hello ...
flush().
q().
