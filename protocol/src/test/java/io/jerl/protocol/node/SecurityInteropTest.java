package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.epmd.EmbeddedEpmd;
import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.epmd.EpmdRegistration;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import io.jerl.testing.NetNs;
import io.jerl.testing.RecordingProxy;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Secrets and exposure: the cookie stays out of logs, exception messages and the wire; the listener binds only
 * the interface asked for; EPMD takes registrations only from this host. (The cookie file's permissions are in
 * NodeSetupInteropTest; the cookie in {@code ps} is in the shell's CookieExposureInteropTest.)
 */
class SecurityInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theCookieIsNeverLoggedThrownOrSentWhateverHappens() throws Exception {
        String cookie = "SECRETCOOKIE" + ErlTools.randomCookie();
        List<String> messages = new ArrayList<>();
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        // jerl and erl use different EPMDs, each told the other node lives behind a recording relay, so every
        // handshake and frame between them, either way, passes through a relay.
        try (LogCapture logs = LogCapture.start();
             Epmd jerlEpmd = Epmd.start();
             Epmd erlEpmd = Epmd.start();
             Node jerl = JerlTestNode.start("guard", cookie, jerlEpmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(erlEpmd.port()).start();
             RecordingProxy toJerl = new RecordingProxy(jerl.port());
             RecordingProxy toErl = new RecordingProxy(Integer.parseInt(erl.eval("{ok, Names} = net_adm:names(),"
                     + " proplists:get_value(\"" + alive(erl.name()) + "\", Names)")));
             EpmdRegistration jerlBehindRelay = new EpmdClient(group, erlEpmd.port())
                     .register(jerl.nodeName().alive(), toJerl.port(), false).get(10, TimeUnit.SECONDS);
             EpmdRegistration erlBehindRelay = new EpmdClient(group, jerlEpmd.port())
                     .register(alive(erl.name()), toErl.port(), false).get(10, TimeUnit.SECONDS)) {
            Mailbox box = jerl.spawnMailbox("box");
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"), "erl dials jerl");
            erl.eval("{box, " + atom(jerl) + "} ! {hello, self()}");
            box.receive(WAIT);
            erl.eval("erlang:disconnect_node(" + atom(jerl) + ")");
            Await.until("disconnected", WAIT, () -> jerl.nodes().isEmpty());
            assertTrue(jerl.ping(Atom.of(erl.name())), "jerl dials erl");
            jerl.disconnect(Atom.of(erl.name()));
            Await.until("disconnected", WAIT, () -> jerl.nodes().isEmpty());

            // A failed handshake either way must not give the cookie away either.
            jerl.setCookie("WRONG" + ErlTools.randomCookie());
            assertFalse(jerl.connect(Atom.of(erl.name())));
            assertEquals("pang", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
            jerl.setCookie(cookie);
            messages.add(assertThrows(ProtocolException.class, () -> Node.start(jerl.nodeName(), cookie,
                    NodeOptions.defaults().withEpmdPort(jerlEpmd.port()))).getMessage());
            messages.add(jerl.toString());
            messages.add(jerl.options().toString());

            for (RecordingProxy relay : List.of(toJerl, toErl)) {
                String trace = new String(relay.trace(), StandardCharsets.ISO_8859_1);
                assertTrue(trace.contains(jerl.name().name()) && trace.contains(erl.name()),
                        "the relay saw the handshakes (both names)");
                assertFalse(trace.contains(cookie), "the cookie crossed the wire");
            }
            for (String m : messages) {
                assertFalse(m.contains(cookie), "a message shows the cookie: " + m);
            }
            assertTrue(logs.lines().size() > 5, "the run logged something to check");
            for (String line : logs.lines()) {
                assertFalse(line.contains(cookie) || line.contains("SECRETCOOKIE"), "a log line shows the cookie: " + line);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static String alive(String node) {
        return node.substring(0, node.indexOf('@'));
    }

    @Test
    void useInterfaceBindsTheListenerToThatAddressOnly() throws Exception {
        String cookie = ErlTools.randomCookie();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (Epmd epmd = Epmd.start();
             Node bound = Node.start(NodeName.longName(ErlTools.uniqueName("bound") + "@127.0.0.1"), cookie,
                     NodeOptions.defaults().withEpmdPort(epmd.port()).withBindAddress(loopback));
             Node open = Node.start(NodeName.longName(ErlTools.uniqueName("open") + "@127.0.0.1"), cookie,
                     NodeOptions.defaults().withEpmdPort(epmd.port()));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).longName("127.0.0.1").cookie(cookie)
                     .epmdPort(epmd.port()).start()) {
            assertTrue(connects("127.0.0.1", bound.port()));
            assertFalse(connects("127.0.0.2", bound.port()), "another local address is refused");
            assertTrue(connects("127.0.0.2", open.port()), "(without the option every address is served)");
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(bound) + ")"), "erl reaches it on 127.0.0.1");
        }
    }

    private static boolean connects(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void epmdTakesRegistrationsOnlyFromThisHostButAnswersLookupsFromAnywhere() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (NetNs otherHost = NetNs.create();
             Epmd real = Epmd.start();
             EmbeddedEpmd embedded = EmbeddedEpmd.start(group, null, 0)) {
            for (int port : List.of(embedded.port(), real.port())) {
                String what = port == real.port() ? "real epmd" : "embedded EPMD";
                String fromAfar = otherHost.exec("bash", "-c", "exec 3<>/dev/tcp/" + otherHost.hostAddress() + "/"
                        + port + " && printf '" + escapes(alive2("intruder")) + "' >&3 && timeout 3 cat <&3 | od -An -v -tx1");
                assertEquals("", fromAfar.strip(), what + " answered a registration from " + otherHost.nsAddress());
                try (Socket local = new Socket("127.0.0.1", port)) {
                    local.getOutputStream().write(alive2("local"));
                    local.setSoTimeout(5000);
                    byte[] reply = local.getInputStream().readNBytes(2);
                    assertEquals(List.of(0x76, 0), List.of(reply[0] & 0xFF, (int) reply[1]),
                            what + " registers a local node (ALIVE2_X_RESP, ok)");
                    String names = otherHost.exec("bash", "-c", "exec 3<>/dev/tcp/" + otherHost.hostAddress() + "/"
                            + port + " && printf '\\x00\\x01\\x6e' >&3 && timeout 3 cat <&3");
                    assertFalse(names.contains("intruder"), what + " lists the refused name: " + names);
                    assertTrue(names.contains("name local at port 4242"), what + " answers NAMES from afar: " + names);
                }
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** An ALIVE2_REQ for {@code name} at port 4242, distribution versions 5 to 6. */
    private static byte[] alive2(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int length = 13 + n.length;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int x : new int[] {length >> 8, length & 0xFF, 120, 4242 >> 8, 4242 & 0xFF, 77, 0, 0, 6, 0, 5, 0, n.length}) {
            b.write(x);
        }
        b.writeBytes(n);
        b.write(0);
        b.write(0);
        return b.toByteArray();
    }

    /** Bytes as printf escapes, for bash inside the namespace. */
    private static String escapes(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte x : bytes) {
            sb.append(String.format("\\x%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
