package io.jerl.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sample 000 (seed 000): bus (jerl) on server1 and car (erl) on server2 with the 9100-9200 port range, the
 * hello / "It speaks!" exchange both ways, and the same connection with server2's firewall shut, then opened.
 */
class TwoServersTest {
    private static final Sample SAMPLE = Sample.named("000-two-servers");
    private static final String UP = SAMPLE.command("samples/hosts.sh up server1 server2");
    private static final String CAR = SAMPLE.command("samples/hosts.sh run server2 erl -sname car -setcookie brumbrum"
            + " -kernel inet_dist_listen_min 9100 -kernel inet_dist_listen_max 9200");
    private static final String BUS = SAMPLE.command("samples/hosts.sh run server1 ./jerl -sname bus -setcookie brumbrum"
            + " -kernel inet_dist_listen_min 9100 -kernel inet_dist_listen_max 9200");

    @Test
    void busAndCarSayHelloBothWays() {
        Sample.Script busTyped = SAMPLE.script("bus.erl");
        Sample.Script carTyped = SAMPLE.script("car.erl");
        try (Hosts hosts = Hosts.up(UP)) {
            Terminal car = hosts.shell("car (erl on server2)", CAR);
            Terminal bus = hosts.shell("bus (jerl on server1)", BUS);

            bus.enter(busTyped.next()).shows("true");                         // connect_node(car@server2)
            bus.enter(busTyped.next()).shows("true");                         // register(shell, self())
            car.enter(carTyped.next()).shows("true");                         // register(shell, self())
            bus.enter(busTyped.next()).matches("\\{hello,from,<\\d+\\.\\d+\\.\\d+>\\}");
            car.enterUntil(carTyped.next(), "Shell got {hello,from,<")         // flush()
                    .matches("Shell got \\{hello,from,<[1-9]\\d*\\.\\d+\\.\\d+>\\}\nok");   // a remote pid
            car.enter(carTyped.next()).shows("{\"It speaks!\",from,<");
            bus.enterUntil(busTyped.next(), "Shell got {\"It speaks!\",from,<")  // flush()
                    .shows("\nok");

            bus.quit(busTyped.last());                                        // q()
            car.quit(carTyped.last());
        }
    }

    @Test
    void aShutFirewallMakesConnectNodeFalseAfterTheSetupTime() {
        Sample.Script busTyped = SAMPLE.script("firewall.erl");
        try (Hosts hosts = Hosts.up(UP)) {
            hosts.run(SAMPLE.command("samples/hosts.sh run server2 nft -f samples/000-two-servers/firewall.nft"));
            Terminal car = hosts.shell("car (erl on server2)", CAR);
            Terminal bus = hosts.shell("bus (jerl on server1)", BUS);

            long start = System.nanoTime();
            bus.enter(busTyped.next())                                        // connect_node(car@server2)
                    .shows("cannot connect to car@server2: cannot reach server2:91").shows("timed out").shows("false");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            // Dropped packets are not refused: the learner waits for the setup time (7 s) before the false.
            assertTrue(waited.toSeconds() >= 3, "connect_node answered false after only " + waited
                    + "; expected it to wait for the setup time as erl does\n" + bus.transcript());

            hosts.run(SAMPLE.command("samples/hosts.sh run server2 nft delete table inet firewall"));
            bus.enter(busTyped.next()).shows("true");                         // connect_node(car@server2)
            bus.quit(busTyped.last());                                        // q()
            hosts.run(SAMPLE.command("samples/hosts.sh down"));
        }
    }
}
