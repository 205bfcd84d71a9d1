package io.jerl.protocol.node;

import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;

/** The answer to a spawn request: the new process and, when one was asked for, the monitor on it. */
public record Spawned(Pid pid, Ref monitor) {
}
