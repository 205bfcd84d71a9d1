package io.jerl.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sample 005: seed 001's two-machine session over mutual TLS, by the README's commands. car@server2 (erl) and
 * bus@server1 (jerl) use certificates made by {@code jerl certs}; spy@server3 (erl) has one from another CA and
 * is refused, with jerl's one-line reason; the cluster goes on.
 */
class MutualTlsTest {
    private static final Sample SAMPLE = Sample.named("005-mutual-tls");

    @Test
    void erlAndJerlJoinedByMutualTlsAndAStrangerRefused() {
        Sample.Script carTyped = SAMPLE.script("car.erl");
        Sample.Script busTyped = SAMPLE.script("bus.erl");
        Sample.Script spyTyped = SAMPLE.script("spy.erl");
        remove(Path.of("/tmp/jerl-tls-demo"));
        remove(Path.of("/tmp/jerl-other-ca"));
        try (Hosts hosts = Hosts.up(SAMPLE.command("samples/hosts.sh up server1 server2 server3"))) {
            hosts.run(SAMPLE.command("./jerl certs init /tmp/jerl-tls-demo"));
            String carFlags = hosts.run(SAMPLE.command("./jerl certs node car@server2 /tmp/jerl-tls-demo"));
            if (!carFlags.contains("erl  -sname car -proto_dist inet_tls -ssl_dist_optfile /tmp/jerl-tls-demo/car@server2/ssl_dist.conf")) {
                throw new AssertionError("jerl certs node does not print the flags the README uses:\n" + carFlags);
            }
            hosts.run(SAMPLE.command("./jerl certs node bus@server1 /tmp/jerl-tls-demo"));

            Terminal car = hosts.shell("car (erl)", SAMPLE.command("samples/hosts.sh run server2 erl -sname car -setcookie"
                    + " brumbrum -proto_dist inet_tls -ssl_dist_optfile /tmp/jerl-tls-demo/car@server2/ssl_dist.conf"));
            Terminal bus = hosts.shell("bus (jerl)", SAMPLE.command("samples/hosts.sh run server1 ./jerl -sname bus"
                    + " -setcookie brumbrum -proto_dist inet_tls -ssl_dist_optfile /tmp/jerl-tls-demo/bus@server1/ssl_dist.conf"));

            car.enter(carTyped.next()).shows("true");                                   // register(shell, self())
            bus.enter(busTyped.next()).shows("true");                                   // connect_node(car@server2)
            bus.enter(busTyped.next()).shows("[car@server2]");                          // nodes()
            bus.enter(busTyped.next()).shows("\"server2\",tls,inet}")                   // node_info
                    .matches("\\{protocol,'tlsv1\\.[23]'\\}").shows("{peer_certificate,\"CN=car@server2\"}");
            bus.enter(busTyped.next()).shows("{hello,from,<");                          // {shell, car} ! ...
            car.enterUntil(carTyped.next(), "Shell got {hello,from,<").shows("ok");     // flush()
            car.enter(carTyped.next()).shows("[bus@server1]");                          // nodes()
            car.enter(carTyped.next()).shows("\"server1\",tls,inet}");                 // node_info(bus)
            bus.enter(busTyped.next()).shows("car@server2");                            // rpc:call(car, erlang, node, [])
            bus.enter(busTyped.next()).shows("ok");                                     // global:sync()
            bus.enter(busTyped.next()).shows("yes");                                    // global:register_name
            car.enter(carTyped.next()).matches("<\\d+\\.\\d+\\.\\d+>");               // global:whereis_name

            hosts.run(SAMPLE.command("./jerl certs init /tmp/jerl-other-ca"));
            hosts.run(SAMPLE.command("./jerl certs node spy@server3 /tmp/jerl-other-ca"));
            Terminal spy = hosts.shell("spy (erl, other CA)", SAMPLE.command("samples/hosts.sh run server3 erl -sname spy"
                    + " -setcookie brumbrum -proto_dist inet_tls -ssl_dist_optfile /tmp/jerl-other-ca/spy@server3/ssl_dist.conf"));
            spy.enter(spyTyped.next()).shows("pang");                                   // ping(bus@server1)
            bus.expect("the refusal", "[WARN] tls: the node at 10.77.0.3:");
            bus.expect("its reason", "refused this node's certificate (unknown_ca): it does not trust the CA that signed it");
            bus.enter(busTyped.next()).shows("pong");                                   // ping(car@server2)

            spy.quit(spyTyped.last());
            car.quit(carTyped.last());
            bus.quit(busTyped.last());
            hosts.run(SAMPLE.command("samples/hosts.sh down"));
        } finally {
            remove(Path.of("/tmp/jerl-tls-demo"));
            remove(Path.of("/tmp/jerl-other-ca"));
        }
    }

    private static void remove(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
