package io.jerl.protocol.epmd;

/** A reply EPMD sends to a client. */
public sealed interface EpmdReply permits Alive2Reply, Port2Reply, NamesReply {
}
