package io.jerl.protocol.dist;

import static io.jerl.fuzz.FuzzChecks.compressedAllowance;
import static io.jerl.fuzz.FuzzChecks.expectProtocolError;
import static io.jerl.fuzz.FuzzChecks.feed;
import static io.jerl.fuzz.FuzzChecks.withAllocationBound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;

/**
 * Arbitrary bytes on an established distribution connection: {@link FrameDecoder} (4-byte lengths) and
 * {@link DistConnection}, which decodes each frame's control term and payload and reads them with
 * {@link ControlMessages}. A malformed frame must close the connection with a {@code ProtocolException}; any
 * other exception reaches the end of the pipeline and the fuzz test fails. {@code data[0]} picks how the rest
 * is split into reads. Seeds: the byte streams of real erl-to-jerl and jerl-to-erl connections after the
 * handshake, whole and frame by frame (see {@code io.jerl.fuzz.CorpusCapture}).
 */
class FrameFuzzTest {
    /** Frames are bounded at 1 MB here, so no input can make the decoder buffer more. */
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_INFLATED = 64 << 10;
    private static final TermDecoder TERMS = new TermDecoder(TermDecoder.DEFAULT_MAX_DEPTH, MAX_INFLATED);

    @FuzzTest
    void connectedStream(byte[] data) {
        if (data.length == 0) {
            return;
        }
        withAllocationBound(data.length + compressedAllowance(data, MAX_INFLATED), 64, 4 << 20, () -> run(data));
    }

    private static void run(byte[] data) {
        EmbeddedChannel channel = new EmbeddedChannel();
        FrameDecoder frames = new FrameDecoder(1024, MAX_FRAME);
        frames.switchToConnected();
        DistConnection connection = new DistConnection(channel, new DistPeer(Atom.of("erl@fuzz"), ~0L, 1),
                new Recorder(), TERMS, Duration.ofMinutes(1));
        channel.pipeline().addLast(frames, connection);
        try {
            feed(channel, data, 1, chunking(data[0]));
        } catch (RuntimeException e) {
            expectProtocolError(e);
        }
    }

    static int chunking(byte b) {
        int c = b & 0x0F;
        return c <= 8 ? 0 : c - 8;
    }

    /** Takes what the connection delivers, as the node would, without acting on it. */
    private static final class Recorder implements DistHandler {
        @Override
        public void controlMessage(DistConnection connection, ControlMessage message, Term payload) {
            message.toString(); // every message must be printable: the node logs the ones it drops
        }

        @Override
        public void closed(DistConnection connection, String reason) {
        }
    }
}
