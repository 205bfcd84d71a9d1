package io.jerl.protocol.epmd;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.jerl.protocol.ProtocolException;
import io.jerl.testing.ErlTools;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the EPMD tests. */
final class EpmdTesting {
    static final Duration WAIT = Duration.ofSeconds(15);

    private EpmdTesting() {
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError("failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for the future to fail and returns its ProtocolException. */
    static ProtocolException awaitFailure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(ProtocolException.class, e.getCause());
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(50);
        }
        fail("not within " + WAIT + ": " + what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The wire bytes of a request, length prefix included. */
    static byte[] requestBytes(EpmdRequest request) {
        ByteBuf buf = Unpooled.buffer();
        EpmdRequestEncoder.write(request, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }

    /** Sends raw bytes to 127.0.0.1:port over a plain socket and returns everything read until the peer closes. */
    static byte[] rawExchange(int port, byte[] request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return readToEnd(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registration held by a plain socket: sends ALIVE2_REQ, reads {@code replyLength} bytes, keeps the socket. */
    static Socket rawRegister(int port, Alive2Request request, byte[] replyOut) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(requestBytes(request));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            int got = 0;
            while (got < replyOut.length) {
                int n = in.read(replyOut, got, replyOut.length - got);
                if (n < 0) {
                    throw new AssertionError("EPMD closed after " + got + " reply bytes");
                }
                got += n;
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    static String uniqueName(String prefix) {
        return ErlTools.uniqueName(prefix);
    }
}
