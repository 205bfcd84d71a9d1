server = spawn(fn -> receive do msg -> IO.puts "I got a message! #{inspect msg}" end end)
:global.register_name(:iex_server, server)
