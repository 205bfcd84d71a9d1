package io.jerl.protocol.epmd;

import java.util.Arrays;
import java.util.Objects;

/**
 * ALIVE2_REQ (120): register {@code name} (the part before {@code @}) as listening on {@code port}.
 *
 * @param port the node's distribution listen port
 * @param nodeType {@link EpmdProtocol#NODE_TYPE_NORMAL} or {@link EpmdProtocol#NODE_TYPE_HIDDEN}
 * @param protocol {@link EpmdProtocol#PROTOCOL_TCP}
 * @param highestVersion highest distribution version the node speaks (6 today)
 * @param lowestVersion lowest distribution version the node speaks
 * @param name the alive name, without {@code @host}
 * @param extra opaque bytes EPMD stores and hands back in PORT2_RESP (usually empty)
 */
public record Alive2Request(int port, int nodeType, int protocol, int highestVersion, int lowestVersion,
                            String name, byte[] extra) implements EpmdRequest {
    public Alive2Request {
        Checks.u16(port, "port");
        Checks.u8(nodeType, "node type");
        Checks.u8(protocol, "protocol");
        Checks.u16(highestVersion, "highest version");
        Checks.u16(lowestVersion, "lowest version");
        Objects.requireNonNull(name, "name");
        extra = extra == null ? new byte[0] : extra.clone();
        Checks.u16(extra.length, "extra length");
    }

    /** The registration jerl sends: version 6 only, TCP, normal or hidden, no extra. */
    public static Alive2Request of(String name, int port, boolean hidden) {
        return new Alive2Request(port, hidden ? EpmdProtocol.NODE_TYPE_HIDDEN : EpmdProtocol.NODE_TYPE_NORMAL,
                EpmdProtocol.PROTOCOL_TCP, EpmdProtocol.DIST_VERSION, EpmdProtocol.DIST_VERSION, name, null);
    }

    @Override
    public byte[] extra() {
        return extra.clone();
    }

    int extraLength() {
        return extra.length;
    }

    byte[] extraUnsafe() {
        return extra;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alive2Request r && port == r.port && nodeType == r.nodeType && protocol == r.protocol
                && highestVersion == r.highestVersion && lowestVersion == r.lowestVersion && name.equals(r.name)
                && Arrays.equals(extra, r.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, nodeType, protocol, highestVersion, lowestVersion, name, Arrays.hashCode(extra));
    }

    @Override
    public String toString() {
        return "Alive2Request[name=" + name + ", port=" + port + ", nodeType=" + nodeType + ", protocol=" + protocol
                + ", highestVersion=" + highestVersion + ", lowestVersion=" + lowestVersion + ", extra="
                + Arrays.toString(extra) + "]";
    }
}
