package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The cookie from {@code ~/.erlang.cookie}, exactly as erl treats it: created with 20 random capital letters
 * and owner-read-only permissions when missing, refused when others can read it. So jerl and erl started
 * by the same user on one machine agree without {@code -setcookie}.
 */
public final class Cookies {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Cookies() {
    }

    /**
     * {@code $HOME/.erlang.cookie}, the file erl reads: erl goes by the HOME variable, which may differ from the
     * account's home directory Java reports as user.home (sudo, containers, tests with a private HOME).
     */
    public static Path defaultFile() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".erlang.cookie");
    }

    /** Reads the cookie file, creating it first if it does not exist. The cookie itself never goes in a message. */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            checkPermissions(file);
            String cookie = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
            if (cookie.isEmpty()) {
                throw new ProtocolException("Cookie file " + file + " is empty");
            }
            return cookie;
        } catch (IOException e) {
            throw new ProtocolException("cannot read the cookie file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append((char) ('A' + RANDOM.nextInt(26)));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
        } catch (FileAlreadyExistsException raced) {
            return; // another node made it first; use theirs
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, sb, StandardCharsets.ISO_8859_1);
        setPermissions(file, Set.of(PosixFilePermission.OWNER_READ));
    }

    private static void checkPermissions(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : perms) {
                if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE
                        && p != PosixFilePermission.OWNER_EXECUTE) {
                    throw new ProtocolException("Cookie file " + file + " must be accessible by owner only"
                            + " (fix with: chmod 400 " + file + ")");
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // no permissions to check on this file system
        }
    }

    private static void setPermissions(Path file, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException notPosix) {
            // nothing to set
        }
    }
}
