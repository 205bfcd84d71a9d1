/**
 * EPMD, the Erlang port mapper: the codec of its messages, a client ({@link io.jerl.protocol.epmd.EpmdClient}),
 * an in-process server for hosts without {@code epmd} ({@link io.jerl.protocol.epmd.EmbeddedEpmd}), and the glue a
 * node calls at start-up ({@link io.jerl.protocol.epmd.EpmdService#registerOrEmbed}).
 *
 * <p>Wire summary: requests are a 2-byte big-endian length and a body; replies have no length. ALIVE2_REQ (120)
 * registers a name for as long as its TCP connection stays open and is answered with ALIVE2_X_RESP (118, 32-bit
 * creation) or, to clients older than version 6, ALIVE2_RESP (121, 16-bit creation). PORT_PLEASE2_REQ (122) is
 * answered with PORT2_RESP (119), just {@code [119, 1]} for an unknown name. NAMES_REQ (110) is answered with
 * EPMD's port:32 and one {@code name NAME at port PORT\n} line per node, newest registration first, then EPMD
 * closes the connection.
 *
 * <p>Decoders are {@code ByteToMessageDecoder} state machines whose limits are constructor parameters, checked as
 * soon as a length field arrives; malformed input raises {@link io.jerl.protocol.ProtocolException}.
 */
package io.jerl.protocol.epmd;
