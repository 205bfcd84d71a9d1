package io.jerl.protocol.epmd;

/**
 * Numbers of the EPMD wire protocol (see {@code erts/doc/guides/erl_dist_protocol.md} in Erlang/OTP).
 * Requests carry a 2-byte big-endian length before their body; replies carry none.
 */
public final class EpmdProtocol {
    /** The port EPMD listens on when {@code ERL_EPMD_PORT} is not set. */
    public static final int DEFAULT_PORT = 4369;

    /** Register a node; the registration lasts as long as the TCP connection. */
    public static final int ALIVE2_REQ = 120;
    /** Reply to ALIVE2_REQ from a client whose highest version is 6 or more: result:8, creation:32. */
    public static final int ALIVE2_X_RESP = 118;
    /** Reply to ALIVE2_REQ from an older client: result:8, creation:16. */
    public static final int ALIVE2_RESP = 121;
    /** Ask for the distribution port of a node by its alive name. */
    public static final int PORT_PLEASE2_REQ = 122;
    /** Reply to PORT_PLEASE2_REQ. */
    public static final int PORT2_RESP = 119;
    /** Ask for all registered names; the reply is EPMD's port:32 then text lines, then EPMD closes. */
    public static final int NAMES_REQ = 110;

    /** Node type of a normal (visible) Erlang node. */
    public static final int NODE_TYPE_NORMAL = 77;
    /** Node type of a hidden node (C nodes, {@code -hidden}). */
    public static final int NODE_TYPE_HIDDEN = 72;
    /** The only protocol EPMD knows: TCP/IP. */
    public static final int PROTOCOL_TCP = 0;
    /** The distribution protocol version jerl speaks (OTP 23 and later). */
    public static final int DIST_VERSION = 6;

    /** Node names are atoms: at most 255 characters. */
    public static final int MAX_NAME_CHARS = 255;
    /** 255 characters of UTF-8 take at most this many bytes (real epmd's MAXSYMLEN). */
    public static final int MAX_NAME_BYTES = 255 * 4;
    /** The largest "extra" field real epmd stores. */
    public static final int MAX_EXTRA_BYTES = 255 * 4;
    /** The largest ALIVE2_REQ body: 13 bytes of fixed fields plus the largest name and extra. */
    public static final int MAX_REQUEST_LENGTH = 13 + MAX_NAME_BYTES + MAX_EXTRA_BYTES;
    /** The longest NAMES line: {@code "name " + name + " at port 65535\n"}, with room to spare. */
    public static final int MAX_NAMES_LINE_BYTES = 5 + MAX_NAME_BYTES + 64;
    /** How many NAMES lines a client accepts before it calls the reply garbage. */
    public static final int MAX_NAMES = 65_536;

    private EpmdProtocol() {
    }
}
