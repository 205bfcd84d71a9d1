package io.jerl.protocol.epmd;

/**
 * Where a node listens, as EPMD on {@code host} told it.
 *
 * @param host the host whose EPMD was asked (connect there)
 * @param alive the alive name (before {@code @})
 * @param port the node's distribution port
 * @param nodeType {@link EpmdProtocol#NODE_TYPE_NORMAL} or {@link EpmdProtocol#NODE_TYPE_HIDDEN}
 * @param protocol {@link EpmdProtocol#PROTOCOL_TCP}
 * @param highestVersion the highest distribution version the node speaks
 * @param lowestVersion the lowest distribution version the node speaks
 */
public record NodeAddress(String host, String alive, int port, int nodeType, int protocol, int highestVersion,
                          int lowestVersion) {
    public boolean hidden() {
        return nodeType == EpmdProtocol.NODE_TYPE_HIDDEN;
    }

    /** Whether the node speaks the distribution version jerl speaks (6). */
    public boolean supportsVersion6() {
        return lowestVersion <= EpmdProtocol.DIST_VERSION && EpmdProtocol.DIST_VERSION <= highestVersion;
    }
}
