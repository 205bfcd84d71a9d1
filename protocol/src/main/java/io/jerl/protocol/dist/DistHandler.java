package io.jerl.protocol.dist;

import io.jerl.protocol.term.Term;

/** What a connection tells its node: a control message arrived, or the connection is gone. */
public interface DistHandler {
    /** Called on the connection's event loop; must not block. */
    void controlMessage(DistConnection connection, ControlMessage message, Term payload);

    void closed(DistConnection connection, String reason);
}
