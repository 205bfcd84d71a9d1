package io.jerl.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terms written as OTP 25 writes them in messages; every expected value here was printed by erl. */
class ErlTextTest {

    @Test
    void atomsAreQuotedWhenTheyWouldNotReadBack() {
        String[][] cases = {
            {"a", "a"}, {"aB", "aB"}, {"a@b", "a@b"}, {"a_1", "a_1"}, {"end", "'end'"}, {"maybe", "maybe"},
            {"else", "else"}, {"cond", "'cond'"}, {"let", "'let'"}, {"A", "'A'"}, {"é", "é"}, {"€", "'€'"},
            {"aé", "aé"}, {"_a", "'_a'"}, {"1a", "'1a'"}, {"a-b", "'a-b'"}, {"", "''"}, {"ß", "ß"}, {"ÿ", "ÿ"},
            {"a b", "'a b'"}, {"\\", "'\\\\'"}, {"div", "'div'"}, {"catch", "'catch'"}, {"aλ", "'aλ'"},
            {"it's \"q\"", "'it\\'s \"q\"'"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], ErlText.writeAtom(c[0]), "atom " + c[0]);
        }
    }

    @Test
    void controlCharactersAreEscaped() {
        String s = new String(new int[] {0, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127, 128, 159, 160, '"', '\'', '\\', 200,
            8364, 0x1F600}, 0, 20);
        assertEquals("\"\\000\\007\\b\\t\\n\\v\\f\\r\\e\\037\\d\\200\\237\u00a0\\\"'\\\\È€😀\"",
                ErlText.writeString(s, '"'));
        assertEquals("'\\000\\007\\b\\t\\n\\v\\f\\r\\e\\037\\d\\200\\237\u00a0\"\\'\\\\È€😀'",
                ErlText.writeString(s, '\''));
    }

    @Test
    void characters() {
        assertEquals("$a", ErlText.writeChar('a'));
        assertEquals("$\\s", ErlText.writeChar(' '));
        assertEquals("$\\n", ErlText.writeChar('\n'));
        assertEquals("$\\000", ErlText.writeChar(0));
        assertEquals("$\\d", ErlText.writeChar(127));
        assertEquals("$\"", ErlText.writeChar('"'));
        assertEquals("$'", ErlText.writeChar('\''));
        assertEquals("$\\\\", ErlText.writeChar('\\'));
        assertEquals("$€", ErlText.writeChar(8364));
    }

    @Test
    void floatsTakeTheShorterLayout() {
        Object[][] cases = {
            {1.0e15, "1.0e15"}, {1.0e16, "1.0e16"}, {123456789012345678.0, "1.2345678901234568e17"},
            {1.0e20, "1.0e20"}, {1.0e22, "1.0e22"}, {0.1, "0.1"}, {0.001, "0.001"}, {0.0001, "0.0001"},
            {1.0e-5, "1.0e-5"}, {123.456, "123.456"}, {5.0e-324, "5.0e-324"},
            {1.7976931348623157e308, "1.7976931348623157e308"}, {2.0e23, "2.0e23"}, {1.0e23, "1.0e23"},
            {100.0, "100.0"}, {12345678.9, "12345678.9"}, {0.000123, "1.23e-4"}, {1000.0, "1.0e3"},
            {1500.0, "1.5e3"}, {-0.0, "-0.0"}, {0.0, "0.0"}, {123456789012.0, "123456789012.0"},
            {12345678901.0, "12345678901.0"}, {2.5, "2.5"}, {1.0e-300, "1.0e-300"}, {-1.5, "-1.5"},
            {9007199254740992.0, "9.007199254740992e15"}, {9007199254740991.0, "9007199254740991.0"},
            {0.1 + 0.2, "0.30000000000000004"}, {1.0e100, "1.0e100"}, {123.0e-10, "1.23e-8"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], ErlText.formatFloat((Double) c[0]), "float " + c[0]);
        }
    }
}
