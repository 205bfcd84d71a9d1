package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.handshake.HandshakeMessage;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import io.jerl.testing.RawPeer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A peer that passes the handshake and then sends garbage loses its own connection and nothing else: the
 * node, its connection to a real erl and the messages waiting in its mailboxes all survive.
 */
class MalformedPeerInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void garbageAfterTheHandshakeClosesOnlyThatConnection() throws Exception {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             LogCapture logs = LogCapture.start();
             Node jerl = JerlTestNode.start("victim", cookie, epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            Mailbox inbox = jerl.spawnMailbox("inbox");
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
            erl.eval("{inbox, " + atom(jerl) + "} ! before");

            byte[][] attacks = {
                {0, 0, 0, 18, 112, (byte) 131, 108, (byte) 0x80, 0, 0, 0, 97, 1, 97, 2, 97, 3, 97, 4, 97, 5, 106},
                {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 112},
                {0, 0, 0, 3, 112, (byte) 131, (byte) 250},
            };
            for (byte[] attack : attacks) {
                try (RawPeer raw = handshake(jerl, cookie, ErlTools.uniqueName("raw"))) {
                    raw.write(attack);
                    assertTrue(raw.awaitClosed(), "jerl closes the connection that sent garbage");
                }
            }
            logs.await(WAIT, "malformed frame");

            assertEquals(Atom.of("before"), inbox.receive(WAIT), "a message queued before the attacks is intact");
            erl.eval("{inbox, " + atom(jerl) + "} ! later");
            assertEquals(Atom.of("later"), inbox.receive(WAIT), "the erl connection still carries messages");
            assertTrue(jerl.nodes().contains(Atom.of(erl.name())));
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
        }
    }

    /** Performs the initiator's side of the handshake by hand and returns the connected peer. */
    private static RawPeer handshake(Node jerl, String cookie, String alive) throws IOException {
        RawPeer p = RawPeer.connect(jerl.port(), WAIT);
        p.send(new HandshakeMessage.SendName(DistFlags.JERL_DEFAULT, 1, alive + "@" + NodeName.shortHostName()));
        assertEquals(new HandshakeMessage.Status("ok"), p.receive());
        p.finish(cookie);
        return p;
    }
}
