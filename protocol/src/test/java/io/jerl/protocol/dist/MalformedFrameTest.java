package io.jerl.protocol.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermEncoder;
import io.jerl.protocol.term.Tuple;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bad bytes from a peer after the handshake: each closes that connection with a reason, allocates nothing
 * in proportion to the lengths it claims, and never throws an Error. Fed whole and one byte at a time.
 */
class MalformedFrameTest {
    private static final int MAX_FRAME = 1 << 20;
    private static final Pid TO = new Pid(Atom.of("jerl@host"), 1, 0, 1);

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("truncated control term", frame(bytes(112, 131, 104, 3, 97, 2))),
                Arguments.of("unknown tag", frame(bytes(112, 131, 200, 1, 2, 3))),
                Arguments.of("not a pass-through frame", frame(bytes(113, 131, 106))),
                Arguments.of("atom cache header never negotiated", frame(bytes(131, 68, 0))),
                Arguments.of("list claiming 2^31 elements in 20 bytes",
                        frame(bytes(112, 131, 108, 0x80, 0, 0, 0, 97, 1, 97, 2, 97, 3, 97, 4, 97, 5, 97, 6, 106))),
                Arguments.of("binary claiming 4 GiB", frame(bytes(112, 131, 109, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3))),
                Arguments.of("tuple arity beyond the frame", frame(bytes(112, 131, 105, 0x7F, 0xFF, 0xFF, 0xFF, 106))),
                Arguments.of("100,000-deep nesting", frame(deepList(100_000))),
                Arguments.of("trailing garbage after the payload", frame(concat(sendHeader(), term(Atom.OK), bytes(1, 2, 3)))),
                Arguments.of("oversized frame", bytes(0x7F, 0xFF, 0xFF, 0xFF, 112)));
    }

    @ParameterizedTest(name = "{0}, whole")
    @MethodSource("badFrames")
    void badFrameClosesTheConnectionWhole(String what, byte[] bad) {
        Harness h = new Harness();
        h.channel.writeInbound(Unpooled.wrappedBuffer(bad));
        h.assertClosed(what);
    }

    @ParameterizedTest(name = "{0}, byte by byte")
    @MethodSource("badFrames")
    void badFrameClosesTheConnectionByteByByte(String what, byte[] bad) {
        Harness h = new Harness();
        for (int i = 0; i < bad.length && h.channel.isOpen(); i++) {
            h.channel.writeInbound(Unpooled.wrappedBuffer(bad, i, 1));
        }
        h.assertClosed(what);
    }

    @Test
    void goodFramesBeforeABadOneAreDeliveredAndTicksAreSkipped() {
        Harness h = new Harness();
        byte[] good = frame(concat(sendHeader(), term(new Tuple(Atom.of("hello"), Atom.of("world")))));
        byte[] tick = bytes(0, 0, 0, 0);
        byte[] unknownOp = frame(concat(bytes(112), term(new Tuple(io.jerl.protocol.term.ErlInt.of(99), Atom.OK))));
        byte[] all = concat(good, tick, unknownOp, good);
        for (byte b : all) {
            h.channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertEquals(2, h.delivered.size(), "both sends arrive; the tick and the unknown op are skipped");
        assertEquals(new Tuple(Atom.of("hello"), Atom.of("world")), h.delivered.get(0));
        assertTrue(h.channel.isOpen(), "an unknown op must not kill the connection");
    }

    private static final class Harness implements DistHandler {
        final List<Term> delivered = new ArrayList<>();
        String closedReason;
        final EmbeddedChannel channel = new EmbeddedChannel();

        Harness() {
            FrameDecoder frames = new FrameDecoder(4096, MAX_FRAME);
            frames.switchToConnected();
            DistPeer peer = new DistPeer(Atom.of("peer@host"), DistFlags.JERL_DEFAULT, 1);
            DistConnection c = new DistConnection(channel, peer, this, TermDecoder.DEFAULT, Duration.ofSeconds(60));
            channel.pipeline().addLast(frames, c);
        }

        @Override
        public void controlMessage(DistConnection connection, ControlMessage message, Term payload) {
            delivered.add(payload);
        }

        @Override
        public void closed(DistConnection connection, String reason) {
            closedReason = reason;
        }

        void assertClosed(String what) {
            channel.runPendingTasks();
            assertFalse(channel.isOpen(), what + ": the connection must close");
            assertNotNull(closedReason, what + ": the node must hear why");
            assertTrue(delivered.isEmpty(), what + ": nothing delivered");
        }
    }

    private static byte[] sendHeader() {
        return concat(bytes(112), term(new Tuple(io.jerl.protocol.term.ErlInt.of(ControlMessage.SEND), Atom.EMPTY, TO)));
    }

    private static byte[] term(Term t) {
        ByteBuf b = Unpooled.buffer();
        TermEncoder.encode(t, b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static byte[] deepList(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(112, 131));
        for (int i = 0; i < depth; i++) {
            out.writeBytes(bytes(108, 0, 0, 0, 1));
        }
        out.write(106);
        for (int i = 0; i < depth; i++) {
            out.write(106);
        }
        return out.toByteArray();
    }

    private static byte[] frame(byte[] body) {
        return concat(bytes(body.length >>> 24, body.length >>> 16, body.length >>> 8, body.length), body);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
