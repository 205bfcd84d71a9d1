package io.jerl.protocol.handshake;

/**
 * Distribution capability flags exchanged in the handshake (erl_dist_protocol, "Distribution Flags").
 * The negotiated set is ours AND theirs.
 */
public final class DistFlags {
    public static final long PUBLISHED = 0x1L;
    public static final long ATOM_CACHE = 0x2L;
    public static final long EXTENDED_REFERENCES = 0x4L;
    public static final long DIST_MONITOR = 0x8L;
    public static final long FUN_TAGS = 0x10L;
    public static final long DIST_MONITOR_NAME = 0x20L;
    public static final long HIDDEN_ATOM_CACHE = 0x40L;
    public static final long NEW_FUN_TAGS = 0x80L;
    public static final long EXTENDED_PIDS_PORTS = 0x100L;
    public static final long EXPORT_PTR_TAG = 0x200L;
    public static final long BIT_BINARIES = 0x400L;
    public static final long NEW_FLOATS = 0x800L;
    public static final long UNICODE_IO = 0x1000L;
    public static final long DIST_HDR_ATOM_CACHE = 0x2000L;
    public static final long SMALL_ATOM_TAGS = 0x4000L;
    public static final long UTF8_ATOMS = 0x10000L;
    public static final long MAP_TAG = 0x20000L;
    public static final long BIG_CREATION = 0x40000L;
    public static final long SEND_SENDER = 0x80000L;
    public static final long BIG_SEQTRACE_LABELS = 0x100000L;
    public static final long EXIT_PAYLOAD = 0x400000L;
    public static final long FRAGMENTS = 0x800000L;
    public static final long HANDSHAKE_23 = 0x1000000L;
    public static final long UNLINK_ID = 0x2000000L;
    /** The OTP 25 mandatory flags as one bit; the erl docs once gave it as 1 bsl 36, the code uses this. */
    public static final long MANDATORY_25_DIGEST = 0x4000000L;
    public static final long SPAWN = 0x100000000L;
    public static final long NAME_ME = 0x200000000L;
    public static final long V4_NC = 0x400000000L;
    public static final long ALIAS = 0x800000000L;
    /** OTP 28+: ALTACT_SIG_SEND, which replaces ALIAS_SEND (deprecated in OTP 28, gone in OTP 30). */
    public static final long ALTACT_SIG = 0x2000000000L;

    /** What OTP 25 refuses to connect without. */
    public static final long MANDATORY_25 = EXTENDED_REFERENCES | FUN_TAGS | NEW_FUN_TAGS | EXTENDED_PIDS_PORTS
            | EXPORT_PTR_TAG | BIT_BINARIES | NEW_FLOATS | UTF8_ATOMS | MAP_TAG | BIG_CREATION | HANDSHAKE_23;
    /** What OTP 26 adds to that. We send these too so OTP 26-28 peers accept us. */
    public static final long MANDATORY_26 = MANDATORY_25 | UNLINK_ID | V4_NC;

    /**
     * What jerl offers. Atom cache and fragments stay off: the codec does not read them, and without them the
     * peer sends plain frames.
     */
    public static final long JERL_DEFAULT = MANDATORY_26 | MANDATORY_25_DIGEST | DIST_MONITOR | DIST_MONITOR_NAME
            | SMALL_ATOM_TAGS | SEND_SENDER | BIG_SEQTRACE_LABELS | UNICODE_IO | EXIT_PAYLOAD | SPAWN | ALIAS | ALTACT_SIG;

    private DistFlags() {
    }

    /** The flags a peer lacks out of the ones we require; 0 when it has them all. */
    public static long missingMandatory(long peerFlags) {
        return MANDATORY_25 & ~peerFlags;
    }

    public static boolean has(long flags, long flag) {
        return (flags & flag) == flag;
    }
}
