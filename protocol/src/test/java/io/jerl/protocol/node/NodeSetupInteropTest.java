package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.Epmd;
import io.jerl.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node is set up: embedded EPMD, long names, the cookie file, and sends that connect on their own. */
class NodeSetupInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void withNoEpmdRunningJerlEmbedsOneAndAnErlStartedLaterFindsJerlByName() {
        int port = ErlTools.freePort();
        String cookie = ErlTools.randomCookie();
        try (LogCapture logs = LogCapture.start();
             Node jerl = Node.start(NodeName.shortName(ErlTools.uniqueName("lonely")), cookie,
                     NodeOptions.defaults().withEpmdPort(port))) {
            logs.await(WAIT, "embedded EPMD");
            try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("late")).cookie(cookie).epmdPort(port).start()) {
                assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
                assertTrue(erl.eval("{ok, Names} = net_adm:names(), [N || {N, _} <- Names]")
                        .contains(codes(jerl.nodeName().alive())), "erl's net_adm:names() lists jerl");
                assertTrue(jerl.ping(Atom.of(erl.name())));
            }
        }
    }

    @Test
    void longNamesWithAnAddressHostTalkToErlStartedWithName() {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = Node.start(NodeName.longName(ErlTools.uniqueName("longj") + "@127.0.0.1"), cookie,
                     NodeOptions.defaults().withEpmdPort(epmd.port()));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("longe")).longName("127.0.0.1").cookie(cookie)
                     .epmdPort(epmd.port()).start()) {
            assertTrue(jerl.name().name().endsWith("@127.0.0.1"));
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
            assertTrue(jerl.ping(Atom.of(erl.name())));
        }
    }

    @Test
    void theCookieFileIsMadeAsErlMakesItAndBothAgreeOnIt(@TempDir Path home) throws Exception {
        Path file = home.resolve(".erlang.cookie");
        String cookie = Cookies.readOrCreate(file);
        assertTrue(cookie.matches("[A-Z]{20}"), "20 capital letters, got " + cookie.length() + " characters");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ), Files.getPosixFilePermissions(file));
        assertEquals(cookie, Cookies.readOrCreate(file), "the second read finds the same cookie");
        try (Epmd epmd = Epmd.start();
             Node jerl = Node.start(NodeName.shortName(ErlTools.uniqueName("homej")), cookie,
                     NodeOptions.defaults().withEpmdPort(epmd.port()));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("homee")).cookieFromHome(home).epmdPort(epmd.port()).start()) {
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"), "erl read the file jerl made");
        }
    }

    @Test
    void aCookieFileOthersCanReadIsRefused(@TempDir Path home) throws Exception {
        Path file = home.resolve(".erlang.cookie");
        Files.writeString(file, "OPENSECRET");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> Cookies.readOrCreate(file));
        assertTrue(e.getMessage().contains("must be accessible by owner only"), e.getMessage());
        assertTrue(!e.getMessage().contains("OPENSECRET"), "the cookie is never in a message");
    }

    @Test
    void aSendToAnUnconnectedNodeConnectsFirstAndTracedSendsArrive() throws InterruptedException {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = Node.start(NodeName.shortName(ErlTools.uniqueName("auto")), cookie,
                     NodeOptions.defaults().withEpmdPort(epmd.port()));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            erl.eval("register(shell, self())");
            Mailbox m = jerl.spawnMailbox("inbox");
            assertTrue(jerl.nodes().isEmpty());
            // As erl does: the first send to a node it is not connected to makes the connection.
            for (int i = 0; i < 3; i++) {
                m.send(new Tuple(Atom.of("shell"), Atom.of(erl.name())), new Tuple(Atom.of("n"), ErlInt.of(i), m.pid()));
            }
            assertEquals("[0,1,2]", erl.eval("[receive {n, I, _} -> I after 10000 -> timeout end || _ <- [1,2,3]]"),
                    "queued while connecting, delivered in order");
            assertEquals(java.util.List.of(Atom.of(erl.name())), jerl.nodes());

            // With a seq_trace token set, erl sends REG_SEND_TT and SEND_SENDER_TT; both must arrive.
            erl.eval("seq_trace:set_token(label, 17), {inbox, " + atom(jerl) + "} ! traced_by_name,"
                    + " seq_trace:set_token([]), ok");
            assertEquals(Atom.of("traced_by_name"), m.receive(WAIT));
            m.send(new Tuple(Atom.of("shell"), Atom.of(erl.name())), new Tuple(Atom.of("me"), m.pid()));
            erl.eval("receive {me, JP} -> seq_trace:set_token(label, 18), JP ! traced_by_pid, seq_trace:set_token([]), ok"
                    + " after 10000 -> timeout end");
            assertEquals(Atom.of("traced_by_pid"), m.receive(WAIT));
        }
    }

    /** A string as erl's ~w prints it: the list of its character codes. */
    static String codes(String s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length(); i++) {
            sb.append(i > 0 ? "," : "").append((int) s.charAt(i));
        }
        return sb.append(']').toString();
    }
}
