package io.jerl.protocol.epmd;

import java.util.Arrays;
import java.util.Objects;

/**
 * PORT2_RESP (119). When {@code result} is non-zero EPMD does not know the name and sends only the code and
 * the result; the other fields are then zero, empty or null.
 */
public record Port2Reply(int result, int port, int nodeType, int protocol, int highestVersion, int lowestVersion,
                         String name, byte[] extra) implements EpmdReply {
    public Port2Reply {
        Checks.u8(result, "result");
        Checks.u16(port, "port");
        Checks.u8(nodeType, "node type");
        Checks.u8(protocol, "protocol");
        Checks.u16(highestVersion, "highest version");
        Checks.u16(lowestVersion, "lowest version");
        if (result == 0) {
            Objects.requireNonNull(name, "name");
        }
        extra = extra == null ? new byte[0] : extra.clone();
        Checks.u16(extra.length, "extra length");
    }

    /** The reply for a name EPMD does not know. */
    public static Port2Reply notFound(int result) {
        if (result == 0) {
            throw new IllegalArgumentException("a not-found PORT2_RESP needs a non-zero result");
        }
        return new Port2Reply(result, 0, 0, 0, 0, 0, null, null);
    }

    /** The reply describing a registration. */
    public static Port2Reply found(Alive2Request registration) {
        return new Port2Reply(0, registration.port(), registration.nodeType(), registration.protocol(),
                registration.highestVersion(), registration.lowestVersion(), registration.name(),
                registration.extraUnsafe());
    }

    public boolean found() {
        return result == 0;
    }

    @Override
    public byte[] extra() {
        return extra.clone();
    }

    byte[] extraUnsafe() {
        return extra;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Port2Reply r && result == r.result && port == r.port && nodeType == r.nodeType
                && protocol == r.protocol && highestVersion == r.highestVersion && lowestVersion == r.lowestVersion
                && Objects.equals(name, r.name) && Arrays.equals(extra, r.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(result, port, nodeType, protocol, highestVersion, lowestVersion, name,
                Arrays.hashCode(extra));
    }

    @Override
    public String toString() {
        return found()
                ? "Port2Reply[name=" + name + ", port=" + port + ", nodeType=" + nodeType + ", protocol=" + protocol
                + ", highestVersion=" + highestVersion + ", lowestVersion=" + lowestVersion + ", extra="
                + Arrays.toString(extra) + "]"
                : "Port2Reply[not found, result=" + result + "]";
    }
}
