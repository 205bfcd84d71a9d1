package io.jerl.protocol.epmd;

import io.jerl.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Node names on the EPMD wire: UTF-8, no NUL, 1..255 characters. */
final class EpmdText {
    private EpmdText() {
    }

    /** Decodes a node name read off the wire, or says what is wrong with it. */
    static String decodeName(byte[] bytes, String where) {
        if (bytes.length == 0) {
            throw new ProtocolException(where + ": empty node name");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ProtocolException(where + ": node name contains a NUL byte");
            }
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(where + ": node name is not valid UTF-8", e);
        }
        int chars = name.codePointCount(0, name.length());
        if (chars > EpmdProtocol.MAX_NAME_CHARS) {
            throw new ProtocolException(where + ": node name has " + chars + " characters, more than "
                    + EpmdProtocol.MAX_NAME_CHARS);
        }
        return name;
    }

    /** Checks a name given by the caller and returns its UTF-8 bytes. */
    static byte[] encodeName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new ProtocolException(what + ": the node name is empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new ProtocolException(what + ": the node name contains a NUL character");
        }
        int chars = name.codePointCount(0, name.length());
        if (chars > EpmdProtocol.MAX_NAME_CHARS) {
            throw new ProtocolException(what + ": the node name has " + chars + " characters; at most "
                    + EpmdProtocol.MAX_NAME_CHARS + " are allowed");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        // A lone surrogate would have been replaced by '?': refuse rather than register another name.
        if (!new String(bytes, StandardCharsets.UTF_8).equals(name)) {
            throw new ProtocolException(what + ": the node name " + name + " is not valid Unicode");
        }
        return bytes;
    }
}
