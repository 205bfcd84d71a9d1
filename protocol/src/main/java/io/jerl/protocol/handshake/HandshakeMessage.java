package io.jerl.protocol.handshake;

/** The messages of the distribution handshake (erl_dist_protocol, "Distribution Handshake"). */
public sealed interface HandshakeMessage {
    /** 'N': the initiator's name, version 6. */
    record SendName(long flags, int creation, String name) implements HandshakeMessage {
    }

    /** 'n': the version-5 name an OTP 23/24 initiator may still send; 'c' then completes its flags. */
    record OldSendName(int version, long flags, String name) implements HandshakeMessage {
    }

    /** 'c': the high flag word and creation, after an 'n' name. */
    record Complement(long flagsHigh, int creation) implements HandshakeMessage {
    }

    /** 's': the acceptor's verdict (ok, ok_simultaneous, nok, not_allowed, alive), or the initiator's true/false. */
    record Status(String status) implements HandshakeMessage {
    }

    /** 'N' from the acceptor: its flags, our challenge, its creation and name. */
    record Challenge(long flags, int challenge, int creation, String name) implements HandshakeMessage {
    }

    /** 'r': the initiator's own challenge and its answer to ours. */
    record ChallengeReply(int challenge, byte[] digest) implements HandshakeMessage {
    }

    /** 'a': the acceptor's answer to the initiator's challenge. */
    record ChallengeAck(byte[] digest) implements HandshakeMessage {
    }
}
