package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LongMode;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Volume: a million messages queued at a slow reader, a 100 MB binary each way, and a Java sender held back
 * while its peer does not read.
 */
class FloodInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("jerl.flood.wait", 120));
    /** Heap a queued small message may take here, measured at about 90 bytes (RELIABILITY.md). */
    private static final long MAX_BYTES_PER_QUEUED_MESSAGE = 200;

    @Test
    void aMillionMessagesQueuedAtASlowReaderAllArriveInOrderWithinTheMemoryBound() throws Exception {
        int count = Integer.getInteger("jerl.flood.messages", 1_000_000);
        int slowlyRead = 1000;
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("flooded", cookie, epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            Mailbox box = jerl.spawnMailbox("flood");
            assertTrue(jerl.connect(Atom.of(erl.name())));
            for (int round = 1; round <= LongMode.scale(); round++) {
                long heapBefore = FaultInteropTest.usedHeapAfterGc();
                erl.eval("spawn(fun() -> (fun L(I) when I > " + count + " -> {flood, " + atom(jerl) + "} ! done;"
                        + " L(I) -> {flood, " + atom(jerl) + "} ! {seq, I}, L(I + 1) end)(1) end)");
                for (int i = 1; i <= slowlyRead; i++) {
                    assertEquals(seq(i), box.receive(WAIT));
                    Thread.sleep(1); // a slow reader: erl keeps sending meanwhile
                }
                int queued = count - slowlyRead + 1;
                Await.until("erl's whole flood queued", WAIT, () -> box.queueLength() >= queued);
                long perMessage = (FaultInteropTest.usedHeapAfterGc() - heapBefore) / queued;
                System.out.printf("round %d: %d messages queued, %d bytes of heap each%n", round, queued, perMessage);
                assertTrue(perMessage <= MAX_BYTES_PER_QUEUED_MESSAGE, perMessage + " bytes per queued message");

                for (int i = slowlyRead + 1; i <= count; i++) {
                    Term t = box.receive(WAIT);
                    if (!seq(i).equals(t)) {
                        throw new AssertionError("message " + i + " of " + count + " is " + t);
                    }
                }
                assertEquals(Atom.of("done"), box.receive(WAIT));
                assertEquals(0, box.queueLength());
            }
        }
    }

    private static Tuple seq(int i) {
        return new Tuple(Atom.of("seq"), ErlInt.of(i));
    }

    @Test
    void a100MegabyteBinaryGoesBothWaysIntact() throws Exception {
        int size = 100 << 20;
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("bulk", cookie, epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            assertTrue(size + 1024 < jerl.options().maxFrameBytes(), "the default frame limit allows it");
            Mailbox box = jerl.spawnMailbox("bulk");
            erl.eval("register(shell, self())");
            String erlHash = erl.eval("Big = crypto:strong_rand_bytes(" + size + "), {bulk, " + atom(jerl) + "} ! Big,"
                    + " binary:decode_unsigned(crypto:hash(sha256, Big))", WAIT);
            Binary got = assertInstanceOf(Binary.class, box.receive(WAIT));
            assertEquals(size, got.bytes().length);
            assertEquals(erlHash, sha256(got.bytes()), "erl -> jerl, same bytes");

            byte[] ours = new byte[size];
            new Random().nextBytes(ours);
            box.send(new Tuple(Atom.of("shell"), Atom.of(erl.name())), new Binary(ours));
            assertEquals("{" + size + "," + sha256(ours) + "}", erl.eval("receive B when is_binary(B) ->"
                    + " {byte_size(B), binary:decode_unsigned(crypto:hash(sha256, B))} after 60000 -> timeout end", WAIT),
                    "jerl -> erl, same bytes");
        }
    }

    /** The SHA-256 of {@code data} as the integer erl's binary:decode_unsigned/1 makes of it. */
    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(data)).toString();
    }

    @Test
    void aSenderWaitsWhileItsPeerDoesNotReadAndLosesNothing() throws Exception {
        int count = Integer.getInteger("jerl.push.messages", 50_000) * LongMode.scale();
        byte[] kilobyte = new byte[1024];
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("pushy", cookie, epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            // The sink takes {m, N, _} strictly in order, so a lost or reordered message stalls its count.
            erl.eval("register(sink, spawn(fun() -> (fun S(N) -> receive {m, N, _} -> S(N + 1);"
                    + " {count, P, Ref} -> P ! {Ref, N}, S(N) end end)(0) end))");
            DistConnection connection = jerl.connectAsync(Atom.of(erl.name())).get(30, TimeUnit.SECONDS);
            Mailbox sender = jerl.spawnMailbox();
            Tuple sink = new Tuple(Atom.of("sink"), Atom.of(erl.name()));
            AtomicInteger sent = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    sender.send(sink, new Tuple(Atom.of("m"), ErlInt.of(i), new Binary(kilobyte)));
                    sent.incrementAndGet();
                }
            }, "fast-sender");

            erl.suspend();
            writer.start();
            Await.until("the sender waits for room", WAIT, () -> writer.getState() == Thread.State.TIMED_WAITING
                    && connection.queuedBytes() > DistConnection.BUSY_LIMIT_BYTES);
            assertTrue(sent.get() < count, "held back before the end: " + sent.get() + " of " + count + " sent");
            assertTrue(connection.queuedBytes() <= DistConnection.BUSY_LIMIT_BYTES + 2 * 1024,
                    "queued " + connection.queuedBytes() + " bytes");
            System.out.printf("peer stopped: sender held after %d of %d 1 KB messages, %d bytes queued%n",
                    sent.get(), count, connection.queuedBytes());

            erl.resume();
            writer.join(WAIT.toMillis());
            assertEquals(count, sent.get());
            Await.until("erl took all " + count + " in order", WAIT,
                    () -> FaultInteropTest.sinkCount(erl).equals(Integer.toString(count)));
        }
    }
}
