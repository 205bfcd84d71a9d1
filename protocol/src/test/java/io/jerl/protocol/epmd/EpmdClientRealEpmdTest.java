package io.jerl.protocol.epmd;

import static io.jerl.protocol.epmd.EpmdTesting.await;
import static io.jerl.protocol.epmd.EpmdTesting.awaitFailure;
import static io.jerl.protocol.epmd.EpmdTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real {@code epmd} and a real erl node. */
class EpmdClientRealEpmdTest {
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void registerListLookUpClashAndFree() {
        try (Epmd epmd = Epmd.start()) {
            EpmdClient client = new EpmdClient(group, epmd.port());
            String name = EpmdTesting.uniqueName("jerl");
            String hiddenName = EpmdTesting.uniqueName("hid");

            EpmdRegistration reg = await(client.register(name, 40001, false));
            assertNotEquals(0, reg.creation(), "creation");
            assertTrue(reg.isOpen());
            EpmdRegistration hidden = await(client.register(hiddenName, 40002, true));

            assertEquals(List.of(new RegisteredNode(hiddenName, 40002), new RegisteredNode(name, 40001)),
                    await(client.names("localhost")), "real epmd lists the newest registration first");

            NodeAddress address = await(client.portPlease("localhost", name)).orElseThrow();
            assertEquals(new NodeAddress("localhost", name, 40001, 77, 0, 6, 6), address);
            NodeAddress hiddenAddress = await(client.portPlease("127.0.0.1", hiddenName)).orElseThrow();
            assertEquals(72, hiddenAddress.nodeType());
            assertTrue(hiddenAddress.hidden());
            assertEquals(Optional.empty(), await(client.portPlease("localhost", "nobody_here")));

            ProtocolException clash = awaitFailure(client.register(name, 40003, false));
            assertEquals("the name " + name + " is already registered in EPMD on localhost:" + epmd.port()
                    + " (is another node called " + name + "@" + ErlTools.shortHostName() + " running?)",
                    clash.getMessage());
            assertEquals(40001, await(client.portPlease("localhost", name)).orElseThrow().port(),
                    "the first registration keeps the name");

            reg.close();
            assertFalse(reg.isOpen());
            eventually(() -> await(client.names("localhost")).equals(List.of(new RegisteredNode(hiddenName, 40002))),
                    "epmd forgets " + name + " once its socket closes");
            assertEquals(Optional.empty(), await(client.portPlease("localhost", name)));

            EpmdRegistration again = await(client.register(name, 40004, false));
            assertNotEquals(0, again.creation());
            assertNotEquals(reg.creation(), again.creation(), "real epmd gives a new incarnation a new creation");
            assertEquals(40004, await(client.portPlease("localhost", name)).orElseThrow().port());
            again.close();
            hidden.close();
        }
    }

    @Test
    void registrationIsLostWhenEpmdStops() throws InterruptedException {
        Epmd epmd = Epmd.start();
        EpmdRegistration reg;
        CountDownLatch lost = new CountDownLatch(1);
        try {
            reg = await(new EpmdClient(group, epmd.port()).register(EpmdTesting.uniqueName("lost"), 40010, false));
            reg.onLost(lost::countDown);
        } finally {
            epmd.close();
        }
        assertTrue(lost.await(10, TimeUnit.SECONDS), "onLost ran when epmd went away");
        assertFalse(reg.isOpen());
    }

    @Test
    void closedRegistrationDoesNotReportALoss() throws InterruptedException {
        try (Epmd epmd = Epmd.start()) {
            EpmdRegistration reg = await(new EpmdClient(group, epmd.port()).register(EpmdTesting.uniqueName("c"),
                    40011, false));
            CountDownLatch lost = new CountDownLatch(1);
            reg.onLost(lost::countDown);
            reg.close();
            await(reg.closeFuture());
            assertFalse(lost.await(300, TimeUnit.MILLISECONDS), "close() is not a loss");
        }
    }

    @Test
    void looksUpARealErlNode() {
        int distPort = ErlTools.freePort();
        try (Epmd epmd = Epmd.start();
             ErlNode node = ErlNode.builder(EpmdTesting.uniqueName("erl")).epmdPort(epmd.port())
                     .args("-kernel", "inet_dist_listen_min", Integer.toString(distPort),
                             "inet_dist_listen_max", Integer.toString(distPort))
                     .start()) {
            String alive = node.name().substring(0, node.name().indexOf('@'));
            String host = node.name().substring(node.name().indexOf('@') + 1);
            EpmdClient client = new EpmdClient(group, epmd.port());

            NodeAddress address = await(client.portPlease(host, alive)).orElseThrow();
            assertEquals(distPort, address.port(), "the port erl was told to listen on");
            assertEquals(77, address.nodeType());
            assertTrue(address.supportsVersion6());
            assertEquals("{port," + address.port() + "," + address.highestVersion() + "}",
                    node.eval("erl_epmd:port_please(\"" + alive + "\", \"" + host + "\")"),
                    "erl's own lookup agrees");
            assertTrue(await(client.names(host)).contains(new RegisteredNode(alive, distPort)));

            // And erl sees what jerl registers.
            String jerl = EpmdTesting.uniqueName("jerl");
            try (EpmdRegistration reg = await(client.register(jerl, 40020, false))) {
                assertTrue(reg.isOpen());
                assertEquals("true", node.eval("{ok, Names} = net_adm:names(), lists:member({\"" + jerl
                        + "\", 40020}, Names)"), "erl's net_adm:names() lists jerl's registration");
                assertEquals("{port,40020,6}", node.eval("erl_epmd:port_please(\"" + jerl + "\", \"" + host + "\")"));
            }
        }
    }
}
