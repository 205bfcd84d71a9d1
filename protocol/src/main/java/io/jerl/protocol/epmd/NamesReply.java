package io.jerl.protocol.epmd;

import java.util.List;

/**
 * The answer to NAMES_REQ: EPMD's own port, then one {@code name NAME at port PORT\n} line per registered node,
 * in EPMD's order (real epmd lists the most recent registration first).
 */
public record NamesReply(int epmdPort, List<RegisteredNode> names) implements EpmdReply {
    public NamesReply {
        names = List.copyOf(names);
    }
}
