package io.jerl.protocol.epmd;

import java.util.Objects;

/** One line of a NAMES reply: an alive name and its distribution port. */
public record RegisteredNode(String name, int port) {
    public RegisteredNode {
        Objects.requireNonNull(name, "name");
        Checks.u16(port, "port");
    }
}
