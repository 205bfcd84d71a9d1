package io.jerl.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.epmd.EpmdClient;
import io.jerl.protocol.epmd.EpmdRegistration;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.RecordingProxy;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the fuzz tests' seed corpus from real erl traffic and writes it into their Inputs directories under
 * {@code src/test/resources}, where it is committed. Run on request (it rewrites the seeds):
 * {@code mvn -o -pl protocol -am verify -Djerl.captureCorpus=true -Dtest=CorpusCapture -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ul>
 *   <li>terms: term_to_binary/1 and /2 (compressed) of term_corpus.erl's terms, made by a real erl;</li>
 *   <li>handshake and frames: a real erl dialing jerl, and jerl dialing a real erl, through a recording proxy:
 *       what erl sent in each role, then the frames both sides sent once connected (sends, rpc, monitors);</li>
 *   <li>EPMD: every request two real erl nodes sent a real epmd through a recording proxy, and epmd's replies.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "jerl.captureCorpus", matches = "true")
class CorpusCapture {
    private static final String COOKIE = "fuzzcookie";
    private static final Path RESOURCES = Path.of("src/test/resources/io/jerl/protocol");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void terms(@TempDir Path dir) throws IOException {
        Path out = inputs("term/TermDecoderFuzzTestInputs/decode");
        try (Epmd epmd = Epmd.start();
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("corpus")).cookie(COOKIE).epmdPort(epmd.port()).start()) {
            erl.loadModule(TermDecoder.class, "term_corpus", dir);
            Path plain = dir.resolve("plain.bin");
            Path compressed = dir.resolve("compressed.bin");
            erl.eval("Terms = term_corpus:corpus(), term_corpus:write(" + ErlNode.erlString(plain) + ", Terms), "
                    + "term_corpus:write_compressed(" + ErlNode.erlString(compressed) + ", Terms), ok", WAIT);
            write(out, "erl-term", everyNth(frames(Files.readAllBytes(plain), 4), 300), 0);
            write(out, "erl-compressed", everyNth(frames(Files.readAllBytes(compressed), 4), 100), 0);
        }
    }

    @Test
    void distributionAndEpmd() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (Epmd jerlEpmd = Epmd.start();
             Epmd erlEpmd = Epmd.start();
             RecordingProxy epmdProxy = new RecordingProxy(erlEpmd.port())) {
            Node jerl = JerlTestNode.start("jfuzz", COOKIE, jerlEpmd.port());
            try (RecordingProxy toJerl = new RecordingProxy(jerl.port());
                 // erl finds jerl through its own epmd, at the proxy's port
                 EpmdRegistration fake = new EpmdClient(group, erlEpmd.port())
                         .register(jerl.nodeName().alive(), toJerl.port(), false).get(30, TimeUnit.SECONDS);
                 ErlNode dialer = ErlNode.builder(ErlTools.uniqueName("edial")).cookie(COOKIE)
                         .epmdPort(epmdProxy.port()).start();
                 ErlNode dialed = ErlNode.builder(ErlTools.uniqueName("edialed")).cookie(COOKIE)
                         .epmdPort(epmdProxy.port()).start()) {
                Mailbox box = jerl.spawnMailbox("fuzzbox");
                String j = JerlTestNode.atom(jerl);
                // erl dials jerl: jerl is the acceptor.
                String pong = dialer.eval("net_adm:ping(" + j + ")", WAIT);
                assertTrue(pong.contains("pong"), pong);
                dialer.eval("{fuzzbox, " + j + "} ! {hello, self(), [1,2.5,<<\"bin\">>, #{k => v}, make_ref()]}, "
                        + "rpc:call(" + j + ", erlang, node, []), "
                        + "erlang:monitor(process, {fuzzbox, " + j + "}), "
                        + "net_adm:names(\"localhost\"), erl_epmd:port_please(\"nosuchnode\", \"localhost\"), ok", WAIT);
                Term hello = box.receive(WAIT);
                if (hello instanceof Tuple t && t.arity() == 3 && t.get(1) instanceof Pid shell) {
                    box.send(shell, new Tuple(Atom.of("reply"), ErlInt.of(42), box.pid()));
                    box.link(shell);
                }
                // jerl dials erl: the dialed erl's name, in jerl's epmd, points at a proxy to its real port.
                int dialedPort = new EpmdClient(group, erlEpmd.port()).portPlease("localhost", alive(dialed.name()))
                        .get(30, TimeUnit.SECONDS).orElseThrow().port();
                try (RecordingProxy toErl = new RecordingProxy(dialedPort);
                     EpmdRegistration fake2 = new EpmdClient(group, jerlEpmd.port())
                             .register(alive(dialed.name()), toErl.port(), false).get(30, TimeUnit.SECONDS)) {
                    Atom peer = Atom.of(dialed.name());
                    assertTrue(jerl.ping(peer), "jerl reaches the dialed erl");
                    dialed.eval("register(echo, spawn(fun L() -> receive {From, M} -> From ! M, L() end end)), ok", WAIT);
                    box.send(new Tuple(Atom.of("echo"), peer), new Tuple(box.pid(), ErlInt.of(7)));
                    box.receive(WAIT);
                    jerl.rpcCall(peer, Atom.of("lists"), Atom.of("seq"), List.of(ErlInt.of(1), ErlInt.of(20)), WAIT);
                    jerl.disconnect(peer);
                    jerl.disconnect(Atom.of(dialer.name()));
                    Thread.sleep(500);
                    writeDistribution(toJerl.conversations(), toErl.conversations());
                }
            } finally {
                jerl.close();
            }
            writeEpmd(epmdProxy.conversations());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static String alive(String node) {
        return node.substring(0, node.indexOf('@'));
    }

    /** Handshake seeds are [role choice] + what erl sent; frame seeds are [0] + the frames after the handshake. */
    private static void writeDistribution(List<RecordingProxy.Conversation> erlDialsJerl,
                                          List<RecordingProxy.Conversation> jerlDialsErl) throws IOException {
        Path handshake = inputs("handshake/HandshakeFuzzTestInputs/peerBytes");
        Path frames = inputs("dist/FrameFuzzTestInputs/connectedStream");
        List<byte[]> hs = new ArrayList<>();
        List<byte[]> fr = new ArrayList<>();
        for (RecordingProxy.Conversation c : erlDialsJerl) {
            byte[] erlSent = c.fromClient();
            hs.add(prefixed(0x00, erlSent)); // acceptor, answers ok, one read
            hs.add(prefixed(0x0B, erlSent)); // acceptor, answers ok, 3-byte reads
            hs.add(prefixed(0x30, erlSent)); // acceptor, answers alive
            addFrames(fr, erlSent, 'r');
            addFrames(fr, c.fromServer(), 'a');
        }
        for (RecordingProxy.Conversation c : jerlDialsErl) {
            byte[] erlSent = c.fromServer();
            hs.add(prefixed(0x80, erlSent)); // initiator, one read
            hs.add(prefixed(0x89, erlSent)); // initiator, 1-byte reads
            addFrames(fr, erlSent, 'a');
            addFrames(fr, c.fromClient(), 'r');
        }
        assertTrue(hs.size() >= 4 && fr.size() >= 4, "captured too little: " + hs.size() + " " + fr.size());
        write(handshake, "erl", hs, 0);
        write(frames, "erl", fr, 0);
    }

    /**
     * Skips the handshake messages (2-byte lengths) up to the one tagged {@code last}, then adds the whole
     * connected stream and each of its first frames (4-byte lengths) on its own.
     */
    private static void addFrames(List<byte[]> out, byte[] stream, char last) {
        ByteBuffer b = ByteBuffer.wrap(stream);
        while (b.remaining() >= 3) {
            int len = b.getShort() & 0xFFFF;
            int tag = b.get(b.position());
            b.position(Math.min(stream.length, b.position() + len));
            if (tag == last) {
                break;
            }
        }
        byte[] connected = new byte[b.remaining()];
        b.get(connected);
        if (connected.length == 0) {
            return;
        }
        out.add(prefixed(0x00, connected));
        List<byte[]> each = frames(connected, 4);
        for (int i = 0; i < each.size() && i < 40; i++) {
            if (each.get(i).length > 0) {
                ByteBuffer f = ByteBuffer.allocate(4 + each.get(i).length).putInt(each.get(i).length).put(each.get(i));
                out.add(prefixed(0x00, f.array()));
            }
        }
    }

    /** Server seeds are [0x00] + a request; client seeds are [target] + epmd's reply to that request. */
    private static void writeEpmd(List<RecordingProxy.Conversation> conversations) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (RecordingProxy.Conversation c : conversations) {
            byte[] request = c.fromClient();
            if (request.length < 3) {
                continue;
            }
            seeds.add(prefixed(0x00, request));
            seeds.add(prefixed(0x09, request));
            int code = request[2] & 0xFF;
            int target = code == 120 ? 0x10 : code == 122 ? 0x20 : code == 110 ? 0x30 : -1;
            if (target > 0 && c.fromServer().length > 0) {
                seeds.add(prefixed(target, c.fromServer()));
            }
        }
        assertTrue(seeds.size() >= 6, "captured too little EPMD traffic: " + seeds.size());
        write(inputs("epmd/EpmdFuzzTestInputs/bytes"), "epmd", seeds, 0);
    }

    /** Splits {@code <<Size:width/unit:8, Bytes:Size/binary>>...} into its frames (stops at a short one). */
    private static List<byte[]> frames(byte[] stream, int width) {
        ByteBuffer b = ByteBuffer.wrap(stream);
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= width) {
            long n = width == 4 ? b.getInt() & 0xFFFFFFFFL : b.getShort() & 0xFFFF;
            if (n > b.remaining()) {
                break;
            }
            byte[] f = new byte[(int) n];
            b.get(f);
            out.add(f);
        }
        return out;
    }

    /** About {@code count} of {@code all}, spread over the whole list (the corpus holds thousands of terms). */
    private static List<byte[]> everyNth(List<byte[]> all, int count) {
        List<byte[]> out = new ArrayList<>();
        int step = Math.max(1, all.size() / count);
        for (int i = 0; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        return out;
    }

    private static byte[] prefixed(int first, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + 1);
        out.write(first);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private static Path inputs(String relative) {
        Path dir = RESOURCES.resolve(relative);
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (p.getFileName().toString().startsWith("seed-")) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void write(Path dir, String kind, List<byte[]> seeds, int start) throws IOException {
        for (int i = 0; i < seeds.size(); i++) {
            Files.write(dir.resolve(String.format("seed-%s-%04d", kind, start + i)), seeds.get(i));
        }
    }
}
