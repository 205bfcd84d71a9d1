package io.jerl.protocol.epmd;

import static io.jerl.protocol.epmd.EpmdTesting.await;
import static io.jerl.protocol.epmd.EpmdTesting.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link EpmdService#registerOrEmbed}: use the EPMD that runs, else start one in-process, and stop it after. */
class EpmdServiceTest {
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
    void startsAnEmbeddedEpmdWhenNothingListensAndStopsItWithTheRegistration() throws InterruptedException {
        int port = ErlTools.freePort();
        String name = EpmdTesting.uniqueName("first");
        EpmdRegistration reg = await(EpmdService.registerOrEmbed(group, port, name, 40101, false));
        EpmdClient client = new EpmdClient(group, port);
        try {
            assertTrue(reg.embeddedEpmd().isPresent(), "it started an embedded EPMD");
            assertEquals(port, reg.embeddedEpmd().get().port());
            assertEquals(List.of(new RegisteredNode(name, 40101)), await(client.names("localhost")));

            // A real erl node finds the jerl node through it.
            try (ErlNode erl = ErlNode.builder(EpmdTesting.uniqueName("erl")).epmdPort(port).start()) {
                assertEquals("{port,40101,6}",
                        erl.eval("erl_epmd:port_please(\"" + name + "\", \"" + ErlTools.shortHostName() + "\")"));
            }

            // A second node on the same port uses the embedded EPMD instead of starting another.
            String second = EpmdTesting.uniqueName("second");
            EpmdRegistration reg2 = await(EpmdService.registerOrEmbed(group, port, second, 40102, false));
            assertFalse(reg2.embeddedEpmd().isPresent());
            assertEquals(List.of(new RegisteredNode(second, 40102), new RegisteredNode(name, 40101)),
                    await(client.names("localhost")));
            CountDownLatch secondLost = new CountDownLatch(1);
            reg2.onLost(secondLost::countDown);

            reg.close();
            await(reg.closeFuture());
            assertFalse(reg.embeddedEpmd().get().isOpen());
            assertTrue(secondLost.await(10, TimeUnit.SECONDS),
                    "the documented consequence: nodes registered with the embedded EPMD lose their registration");
        } finally {
            reg.close();
        }
        ProtocolException e = awaitFailure(client.names("localhost"));
        assertTrue(e.getMessage().startsWith("no EPMD answers on localhost:" + port), e.getMessage());
    }

    @Test
    void usesARealEpmdWhenOneRuns() throws InterruptedException {
        Epmd epmd = Epmd.start();
        CountDownLatch lost = new CountDownLatch(1);
        EpmdRegistration reg;
        try {
            String name = EpmdTesting.uniqueName("jerl");
            reg = await(EpmdService.registerOrEmbed(group, epmd.port(), name, 40103, true));
            assertFalse(reg.embeddedEpmd().isPresent(), "no embedded EPMD next to a real one");
            assertEquals(List.of(new RegisteredNode(name, 40103)),
                    await(new EpmdClient(group, epmd.port()).names("localhost")));
            reg.onLost(lost::countDown);

            ProtocolException clash = awaitFailure(EpmdService.registerOrEmbed(group, epmd.port(), name, 40104, false));
            assertTrue(clash.getMessage().startsWith("the name " + name + " is already registered in EPMD"),
                    clash.getMessage());
        } finally {
            epmd.close();
        }
        assertTrue(lost.await(10, TimeUnit.SECONDS), "the registration was held by the real epmd process");
    }

    @Test
    void nodesStartingTogetherShareOneEmbeddedEpmd() {
        int port = ErlTools.freePort();
        List<CompletableFuture<EpmdRegistration>> starts = new ArrayList<>();
        Set<RegisteredNode> expected = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String name = EpmdTesting.uniqueName("racer" + i);
            expected.add(new RegisteredNode(name, 40110 + i));
            starts.add(EpmdService.registerOrEmbed(group, port, name, 40110 + i, false));
        }
        List<EpmdRegistration> regs = new ArrayList<>();
        try {
            for (CompletableFuture<EpmdRegistration> f : starts) {
                regs.add(await(f));
            }
            assertEquals(1, regs.stream().filter(r -> r.embeddedEpmd().isPresent()).count(),
                    "exactly one of them started the embedded EPMD");
            assertEquals(expected, new HashSet<>(await(new EpmdClient(group, port).names("localhost"))));
        } finally {
            // Owner last, so the others are not cut off by the embedded EPMD stopping first.
            regs.stream().sorted((x, y) -> Boolean.compare(x.embeddedEpmd().isPresent(), y.embeddedEpmd().isPresent()))
                    .forEach(EpmdRegistration::close);
        }
    }
}
