package io.jerl.protocol.epmd;

import java.util.Objects;

/** PORT_PLEASE2_REQ (122): where does the node with this alive name listen? */
public record PortPlease2Request(String name) implements EpmdRequest {
    public PortPlease2Request {
        Objects.requireNonNull(name, "name");
    }
}
