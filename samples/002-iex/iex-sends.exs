:global.whereis_name(:server) |> send("hello from node 2!")
