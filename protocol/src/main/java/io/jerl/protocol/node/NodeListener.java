package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;

/** Hears of connections coming up and going down. Called in order, on one thread that is not a network thread. */
public interface NodeListener {
    void nodeUp(Atom node, boolean hidden);

    void nodeDown(Atom node, String reason);
}
