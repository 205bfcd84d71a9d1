package io.jerl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback that forwards every connection to {@code 127.0.0.1:target} and keeps a copy of all
 * bytes both ways: the wire trace a test can search, and per connection what each side sent (real captures).
 */
public final class RecordingProxy implements AutoCloseable {
    /** One relayed connection: what the side that connected sent, and what the side it reached answered. */
    public static final class Conversation {
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();

        public synchronized byte[] fromClient() {
            return fromClient.toByteArray();
        }

        public synchronized byte[] fromServer() {
            return fromServer.toByteArray();
        }

        private synchronized void record(boolean client, byte[] b, int n) {
            (client ? fromClient : fromServer).write(b, 0, n);
        }
    }

    private final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final int target;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public RecordingProxy(int target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "proxy-accept-" + target);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every byte relayed so far, both directions interleaved as they came. */
    public byte[] trace() {
        synchronized (seen) {
            return seen.toByteArray();
        }
    }

    /** The connections relayed so far, in the order they were accepted. */
    public List<Conversation> conversations() {
        return List.copyOf(conversations);
    }

    private void accept() {
        try {
            while (true) {
                Socket in = server.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(in);
                sockets.add(out);
                Conversation c = new Conversation();
                conversations.add(c);
                pump(in, out, c, true);
                pump(out, in, c, false);
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    private void pump(Socket from, Socket to, Conversation c, boolean fromClient) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (seen) {
                        seen.write(buf, 0, n);
                    }
                    c.record(fromClient, buf, n);
                    out.write(buf, 0, n);
                }
            } catch (IOException ended) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(RecordingProxy::close);
    }
}
