package io.jerl.protocol.epmd;

/**
 * The answer to ALIVE2_REQ: ALIVE2_X_RESP (118, 32-bit creation) when {@code extended}, else the older
 * ALIVE2_RESP (121, 16-bit creation).
 *
 * @param result 0 on success; anything else means the registration was refused (in practice: name taken)
 * @param creation the node's creation, a 32-bit unsigned number held in an {@code int}
 * @param extended whether this is ALIVE2_X_RESP
 */
public record Alive2Reply(int result, int creation, boolean extended) implements EpmdReply {
    public Alive2Reply {
        Checks.u8(result, "result");
        if (!extended) {
            Checks.u16(creation, "creation in ALIVE2_RESP");
        }
    }

    public boolean ok() {
        return result == 0;
    }
}
