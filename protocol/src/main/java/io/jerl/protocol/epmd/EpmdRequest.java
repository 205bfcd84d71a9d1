package io.jerl.protocol.epmd;

/** A request a client sends to EPMD. */
public sealed interface EpmdRequest permits Alive2Request, PortPlease2Request, NamesRequest {
}
