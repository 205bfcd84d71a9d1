package io.jerl.protocol.epmd;

/** NAMES_REQ (110): list every registered name and its port. */
public record NamesRequest() implements EpmdRequest {
    public static final NamesRequest INSTANCE = new NamesRequest();
}
