package io.jerl.protocol.term;

import io.jerl.testing.ErlNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: loads {@code term_corpus.erl} (a test resource) into a real erl node, and reads and writes the
 * files it exchanges with Java, in which each term is framed as {@code <<Size:32, Bytes/binary>>}.
 */
final class ErlCorpus {
    private ErlCorpus() {
    }

    /** Compiles and loads the corpus module on {@code erl}, with its source copied into {@code dir}. */
    static void load(ErlNode erl, Path dir) {
        erl.loadModule(ErlCorpus.class, "term_corpus", dir);
    }

    /** A path as an Erlang string literal. */
    static String str(Path p) {
        return ErlNode.erlString(p);
    }

    static List<byte[]> readFrames(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            List<byte[]> frames = new ArrayList<>();
            while (b.hasRemaining()) {
                byte[] f = new byte[b.getInt()];
                b.get(f);
                frames.add(f);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFrames(Path file, List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(f.length).array());
            out.writeBytes(f);
        }
        try {
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
