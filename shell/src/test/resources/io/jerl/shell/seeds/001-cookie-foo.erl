net_kernel:connect_node('bar@ROGER-SURFACE-GO').
nodes().
q().
