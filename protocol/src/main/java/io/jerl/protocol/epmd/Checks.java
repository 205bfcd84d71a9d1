package io.jerl.protocol.epmd;

/** Range checks for message fields, so a record never holds a value its wire field cannot carry. */
final class Checks {
    private Checks() {
    }

    static int u8(int value, String field) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must fit in 8 unsigned bits, got " + value);
        }
        return value;
    }

    static int u16(int value, String field) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " must fit in 16 unsigned bits, got " + value);
        }
        return value;
    }
}
