package io.jerl.protocol.epmd;

import static io.jerl.protocol.epmd.EpmdTesting.await;
import static io.jerl.protocol.epmd.EpmdTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jerl's embedded EPMD serving real erl nodes, and answering byte for byte as a real epmd does. */
class EmbeddedEpmdErlTest {
    /** The port of the node's distribution listen socket, found in net_kernel's state and asked of inet:port/1. */
    private static final String LISTEN_PORT = "[L] = [element(2, X) || X <- lists:flatten([E || E <- "
            + "tuple_to_list(sys:get_state(net_kernel)), is_list(E)]), is_tuple(X), element(1, X) =:= listen], "
            + "{ok, LP} = inet:port(L), LP";
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
    @SuppressWarnings("try") // b is closed early on purpose
    void erlNodesRegisterFindAndPingEachOtherThroughIt() {
        String cookie = ErlTools.randomCookie();
        int distPortA = ErlTools.freePort();
        try (EmbeddedEpmd server = EmbeddedEpmd.start(group, null, ErlTools.freePort());
             ErlNode a = ErlNode.builder(EpmdTesting.uniqueName("a")).cookie(cookie).epmdPort(server.port())
                     .args("-kernel", "inet_dist_listen_min", Integer.toString(distPortA),
                             "inet_dist_listen_max", Integer.toString(distPortA))
                     .start();
             ErlNode b = ErlNode.builder(EpmdTesting.uniqueName("b")).cookie(cookie).epmdPort(server.port()).start()) {
            String aliveA = alive(a);
            String aliveB = alive(b);
            String host = a.name().substring(a.name().indexOf('@') + 1);

            List<RegisteredNode> view = server.names();
            assertEquals(List.of(aliveB, aliveA), view.stream().map(RegisteredNode::name).toList(),
                    "both registered, newest first");
            int portA = view.get(1).port();
            int portB = view.get(0).port();
            assertNotEquals(portA, portB);

            // erl's own view through jerl's EPMD (erl lists in reverse wire order).
            Set<RegisteredNode> erlView = parseNames(a.eval("net_adm:names()"));
            assertEquals(new HashSet<>(view), erlView, "erl's net_adm:names() matches the server's view");
            assertEquals("{port," + portB + ",6}", a.eval("erl_epmd:port_please(\"" + aliveB + "\", \"" + host + "\")"));
            assertEquals(distPortA, portA, "a registered the port it was told to listen on");
            assertEquals(Integer.toString(portA), a.eval(LISTEN_PORT), "inet:port/1 of a's listen socket");
            assertEquals(Integer.toString(portB), b.eval(LISTEN_PORT), "inet:port/1 of b's listen socket");

            // They find each other by name through jerl's EPMD and connect.
            assertEquals("pong", a.eval("net_adm:ping(" + b.atom() + ")"));
            assertEquals("[" + a.name() + "]", b.eval("nodes()"));

            EpmdClient client = new EpmdClient(group, server.port());
            assertEquals(server.names(), await(client.names("localhost")), "the client sees the server's view");

            b.close();
            eventually(() -> server.names().equals(List.of(new RegisteredNode(aliveA, portA))),
                    "the server forgets " + aliveB + " when erl exits");
            assertEquals(List.of(new RegisteredNode(aliveA, portA)), await(client.names("localhost")));
            assertEquals("pang", a.eval("net_adm:ping(" + b.atom() + ")"));
        }
    }

    @Test
    void answersByteForByteLikeRealEpmd() throws IOException {
        try (Epmd real = Epmd.start();
             EmbeddedEpmd ours = EmbeddedEpmd.start(group, InetAddress.getLoopbackAddress(), 0)) {
            int[] ports = {real.port(), ours.port()};
            List<Alive2Request> registrations = List.of(
                    Alive2Request.of("first", 5001, false),
                    new Alive2Request(5002, 72, 0, 6, 6, "zweitér_ノード", new byte[] {1, 2, 3}),
                    Alive2Request.of("third", 65535, false));
            List<Socket> held = new java.util.ArrayList<>();
            try {
                for (Alive2Request r : registrations) {
                    for (int port : ports) {
                        byte[] reply = new byte[6];
                        held.add(EpmdTesting.rawRegister(port, r, reply));
                        assertEquals(118, reply[0]);
                        assertEquals(0, reply[1], "registered " + r.name() + " on " + port);
                        assertNotEquals(0, ByteBuffer.wrap(reply, 2, 4).getInt());
                    }
                }
                byte[] namesReal = EpmdTesting.rawExchange(real.port(), EpmdTesting.requestBytes(NamesRequest.INSTANCE));
                byte[] namesOurs = EpmdTesting.rawExchange(ours.port(), EpmdTesting.requestBytes(NamesRequest.INSTANCE));
                assertEquals(real.port(), ByteBuffer.wrap(namesReal).getInt(), "real epmd sends its port");
                assertEquals(ours.port(), ByteBuffer.wrap(namesOurs).getInt(), "so do we");
                String realText = new String(namesReal, 4, namesReal.length - 4, StandardCharsets.UTF_8);
                assertEquals("name third at port 65535\nname zweitér_ノード at port 5002\nname first at port 5001\n",
                        realText, "what real epmd sends (sanity check of the reference)");
                assertArrayEquals(Arrays.copyOfRange(namesReal, 4, namesReal.length),
                        Arrays.copyOfRange(namesOurs, 4, namesOurs.length), "NAMES lines byte for byte");

                for (String name : List.of("first", "zweitér_ノード", "third", "unknown")) {
                    byte[] req = EpmdTesting.requestBytes(new PortPlease2Request(name));
                    assertArrayEquals(EpmdTesting.rawExchange(real.port(), req), EpmdTesting.rawExchange(ours.port(), req),
                            "PORT2_RESP for " + name);
                }

                for (int port : ports) {
                    byte[] clash = new byte[6];
                    EpmdTesting.rawRegister(port, Alive2Request.of("first", 6000, false), clash).close();
                    assertArrayEquals(new byte[] {118, 1, 0, 0, 0, 99}, clash, "refusal on " + port);

                    byte[] old = new byte[4];
                    held.add(EpmdTesting.rawRegister(port, new Alive2Request(6001, 77, 0, 5, 5, "old", null), old));
                    assertEquals(121, old[0], "ALIVE2_RESP to a version-5 client on " + port);
                    assertEquals(0, old[1]);
                    int creation = ((old[2] & 0xFF) << 8) | (old[3] & 0xFF);
                    assertTrue(creation >= 1 && creation <= 3, "creation " + creation + " on " + port);
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            byte[] names = EpmdTesting.requestBytes(NamesRequest.INSTANCE);
            eventually(() -> EpmdTesting.rawExchange(real.port(), names).length == 4
                            && EpmdTesting.rawExchange(ours.port(), names).length == 4,
                    "both forget every name once the sockets close");
        }
    }

    @Test
    void startFailsClearlyWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> EmbeddedEpmd.start(group, null, taken.getLocalPort()));
            assertEquals("cannot start an embedded EPMD on port " + taken.getLocalPort()
                    + ": the port is already in use (another EPMD or another program listens there)", e.getMessage());
        }
        try (Epmd real = Epmd.start()) {
            assertThrows(ProtocolException.class, () -> EmbeddedEpmd.start(group, null, real.port()),
                    "not next to a real epmd either");
        }
    }

    private static String alive(ErlNode node) {
        return node.name().substring(0, node.name().indexOf('@'));
    }

    /** Parses erl's {@code {ok,[{"name",Port},...]}} as printed by ~tw (strings appear as lists of codes). */
    private static Set<RegisteredNode> parseNames(String printed) {
        Set<RegisteredNode> out = new HashSet<>();
        Matcher m = Pattern.compile("\\{\\[([0-9,]+)\\],([0-9]+)\\}").matcher(printed);
        while (m.find()) {
            StringBuilder name = new StringBuilder();
            for (String code : m.group(1).split(",")) {
                name.appendCodePoint(Integer.parseInt(code));
            }
            out.add(new RegisteredNode(name.toString(), Integer.parseInt(m.group(2))));
        }
        if (!printed.startsWith("{ok,[")) {
            throw new AssertionError("unexpected net_adm:names() result " + printed);
        }
        return out;
    }
}
