% spy@server3 (erl, another CA): typed in terminal 3
net_adm:ping(bus@server1).
q().
