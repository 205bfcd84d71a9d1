package io.jerl.protocol.term;

import static io.jerl.fuzz.FuzzChecks.compressedAllowance;
import static io.jerl.fuzz.FuzzChecks.expectProtocolError;
import static io.jerl.fuzz.FuzzChecks.withAllocationBound;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jerl.protocol.ProtocolException;

/**
 * Arbitrary bytes into the external term format decoder. It must answer with a term or a
 * {@link ProtocolException}, allocate in proportion to its input (and to the inflated size of a compressed term,
 * capped here at 1 MB), and whatever it decodes must encode and decode back to an equal term. The seeds in
 * {@code TermDecoderFuzzTestInputs/decode} are term_to_binary/1,2 output of a real erl (see
 * {@code io.jerl.fuzz.CorpusCapture}).
 */
class TermDecoderFuzzTest {
    private static final int MAX_INFLATED = 1 << 20;
    private static final TermDecoder DECODER = new TermDecoder(TermDecoder.DEFAULT_MAX_DEPTH, MAX_INFLATED);

    @FuzzTest
    void decode(byte[] data) {
        withAllocationBound(data.length + compressedAllowance(data, MAX_INFLATED), 64, 64 << 10, () -> {
            try {
                DECODER.decodeAll(data);
            } catch (RuntimeException e) {
                expectProtocolError(e);
            }
        });
        Term t;
        try {
            t = DECODER.decodeAll(data);
        } catch (ProtocolException e) {
            return;
        }
        Term again = DECODER.decodeAll(TermEncoder.toBinary(t));
        if (!again.equals(t)) {
            throw new AssertionError("re-encoding changed the term: " + t + " became " + again);
        }
    }
}
