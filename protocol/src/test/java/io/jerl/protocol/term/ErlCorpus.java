package io.jerl.protocol.term;

import io.jerl.testing.ErlNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream src = ErlCorpus.class.getResourceAsStream("term_corpus.erl")) {
            if (src == null) {
                throw new AssertionError("test resource term_corpus.erl is missing");
            }
            Path file = dir.resolve("term_corpus.erl");
            Files.write(file, src.readAllBytes());
            String p = str(file);
            erl.eval("{ok, term_corpus, CorpusBeam} = compile:file(" + p + ", [binary, report]), "
                    + "{module, term_corpus} = code:load_binary(term_corpus, " + p + ", CorpusBeam), ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as an Erlang string literal. */
    static String str(Path p) {
        return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
