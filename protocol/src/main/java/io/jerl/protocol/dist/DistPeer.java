package io.jerl.protocol.dist;

import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.term.Atom;

/** Who is on the other end of a connection, as the handshake established: name, agreed flags, creation. */
public record DistPeer(Atom name, long flags, int creation) {
    public boolean has(long flag) {
        return DistFlags.has(flags, flag);
    }
}
