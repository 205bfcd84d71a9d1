package io.jerl.shell.tls;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.ConnectionInfo;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeListener;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.tls.TlsOptions;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * jerl in a cluster that runs {@code -proto_dist inet_tls} with mutual TLS, against real erl of each release:
 * both nodes use the files {@code jerl certs} made, erl reads its {@code ssl_dist.conf} unchanged, jerl reads the
 * same kind of file the way its -ssl_dist_optfile does.
 */
@AcrossReleases
class TlsDistributionInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Parameter
    ErlangRelease release;

    private TlsCluster cluster;
    private Epmd epmd;
    private String cookie;
    private Node jerl;
    private ErlNode erl;

    @BeforeEach
    void start() {
        cluster = TlsCluster.create();
        cookie = ErlTools.randomCookie();
        epmd = Epmd.start(release);
        TlsOptions tls = TlsCluster.jerlOptions(cluster.node("jerl"));
        jerl = JerlTestNode.start("tlsjerl", cookie, epmd.port(), o -> o.withTls(tls).withNetTickTime(Duration.ofSeconds(4)));
        erl = ErlNode.builder(ErlTools.uniqueName("tlserl")).release(release).cookie(cookie).epmdPort(epmd.port())
                .args(TlsCluster.erlArgs(cluster.node("erl")).toArray(String[]::new))
                .args("-kernel", "net_ticktime", "4").start();
    }

    @AfterEach
    void stop() {
        if (erl != null) {
            erl.close();
        }
        if (jerl != null) {
            jerl.close();
        }
        epmd.close();
    }

    @Test
    void pingMessagesRpcAndGlobalBothWaysOverMutualTls() throws Exception {
        // jerl dials: our client checks that erl's certificate is signed by the CA and names this host.
        assertTrue(jerl.connect(Atom.of(erl.name())), "jerl dials erl over TLS");
        ConnectionInfo info = jerl.connectionInfo(Atom.of(erl.name()));
        assertNotNull(info.tls(), "the connection runs over TLS");
        assertTrue(info.tls().peerSubject().startsWith("CN=erl@"), "erl presented its node certificate: " + info.tls());
        assertTrue(List.of("tlsv1.2", "tlsv1.3").contains(info.tls().protocol()), info.tls().protocol());
        assertEquals("tls", erl.eval("{ok, I} = net_kernel:node_info(" + atom(jerl) + "),"
                + " element(4, proplists:get_value(address, I))"), "erl sees a tls connection too");
        assertTrue(jerl.disconnect(Atom.of(erl.name())));
        Await.until("erl saw the disconnect", WAIT, () -> erl.eval("nodes()").equals("[]"));

        try (Global global = Global.start(jerl, true)) {
            Mailbox inbox = jerl.spawnMailbox("inbox");
            // erl dials: its ssl checks our certificate against the CA, and our server insists on one.
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
            assertTrue(jerl.connectionInfo(Atom.of(erl.name())).tls().peerSubject().startsWith("CN=erl@"));

            erl.eval("{inbox, " + atom(jerl) + "} ! {hello, from, self()}, ok");
            Tuple hello = assertInstanceOf(Tuple.class, inbox.receive(WAIT));
            assertEquals(Atom.of("hello"), hello.get(0));
            inbox.send((Pid) hello.get(2), new Tuple(Atom.of("hello"), Atom.of("back")));
            assertEquals("{hello,back}", erl.eval("receive M -> M after 10000 -> timeout end"));

            assertEquals(jerl.name().name(), erl.eval("rpc:call(" + atom(jerl) + ", erlang, node, [])"));
            assertEquals(Atom.of(erl.name()), jerl.rpcCall(Atom.of(erl.name()), Atom.of("erlang"), Atom.of("node"),
                    List.of(), WAIT));

            erl.eval("yes = global:register_name(tls_named, self()), ok = global:sync(), ok");
            Await.until("jerl's global sees erl's name", WAIT, () -> global.whereisName(Atom.of("tls_named")) != null);
            assertEquals(Atom.of(erl.name()), global.whereisName(Atom.of("tls_named")).node());
        }
    }

    @Test
    void aTwentyMegabyteBinaryEachWayOverTls() throws Exception {
        int size = 20 << 20;
        Mailbox big = jerl.spawnMailbox("big");
        {
            erl.eval("B20 = rand:bytes(" + size + "), {big, " + atom(jerl) + "} ! {B20, self()}, ok");
            Tuple got = assertInstanceOf(Tuple.class, big.receive(Duration.ofSeconds(60)));
            Binary fromErl = assertInstanceOf(Binary.class, got.get(0));
            assertEquals(erl.eval("binary_to_list(erlang:md5(B20))"), md5(fromErl.bytes()));

            byte[] mine = new byte[size];
            new java.util.Random(size).nextBytes(mine);
            big.send(got.get(1), new Tuple(new Binary(mine), ErlList.ofString(md5(mine))));
            assertEquals("{true," + size + "}", erl.eval("receive {B21, Sum} -> {lists:flatten(io_lib:format(\"~w\","
                    + " [binary_to_list(erlang:md5(B21))])) =:= Sum, byte_size(B21)} after 60000 -> timeout end",
                    Duration.ofSeconds(90)));
        }
    }

    @Test
    void aFrozenTlsPeerIsDeclaredDownByTicks() throws InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        jerl.addNodeListener(new NodeListener() {
            @Override
            public void nodeUp(Atom node, boolean hidden) {
                events.add("up");
            }

            @Override
            public void nodeDown(Atom node, String reason) {
                events.add("down " + reason);
            }
        });
        assertTrue(jerl.connect(Atom.of(erl.name())));
        assertEquals("up", events.poll(5, TimeUnit.SECONDS));
        Thread.sleep(4_000 * 2); // two tick periods: ticks flow inside TLS, nothing goes down
        assertEquals(null, events.poll(), "no nodedown while idle");
        erl.suspend();
        String down = events.poll(12, TimeUnit.SECONDS);
        erl.resume();
        assertTrue(down != null && down.startsWith("down not responding"), "frozen peer declared down, got " + down);
    }

    /** An MD5 sum as erl's {@code ~w} prints {@code binary_to_list(erlang:md5(B))}. */
    static String md5(byte[] b) throws Exception {
        byte[] sum = java.security.MessageDigest.getInstance("MD5").digest(b);
        StringBuilder sb = new StringBuilder("[");
        for (byte x : sum) {
            sb.append(sb.length() > 1 ? "," : "").append(x & 0xFF);
        }
        return sb.append(']').toString();
    }

}
