package io.jerl.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A node that is not distributed (erl without a name): local processes work, the network is never used. */
class LocalNodeTest {
    @Test
    void aLocalNodeRunsProcessesButNeitherListensNorConnects() throws Exception {
        // an EPMD port nobody listens on: a local node must not need one
        try (Node node = Node.startLocal(NodeOptions.defaults().withEpmdPort(ErlTools.freePort()))) {
            assertEquals(Atom.of("nonode@nohost"), node.name());
            assertFalse(node.isAlive());
            assertThrows(ProtocolException.class, node::port);

            Mailbox a = node.spawnMailbox("a");
            Mailbox b = node.spawnMailbox();
            b.send(Atom.of("a"), new Tuple(Atom.of("hello"), b.pid()));
            assertEquals(new Tuple(Atom.of("hello"), b.pid()), a.receive(Duration.ofSeconds(5)));
            assertTrue(node.processes().contains(a) && node.processes().contains(b));

            assertFalse(node.connect(Atom.of("car@server2")));
            assertFalse(node.ping(Atom.of("car@server2")));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> node.connectAsync(Atom.of("car@server2")).get());
            assertTrue(e.getCause().getMessage().contains("not distributed"), e.getCause().getMessage());
            assertTrue(node.nodes().isEmpty());
        }
    }
}
