package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;

/** Shared spelling of bit-flag values as {@code NAME | NAME | 0xREST}. */
final class Flags {
    private Flags() {
    }

    static String describe(int value, int[] bits, String[] names) {
        if (value == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        int rest = value;
        for (int i = 0; i < bits.length; i++) {
            if ((value & bits[i]) != 0) {
                parts.add(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            parts.add(Hex.of(rest & 0xFFFFFFFFL));
        }
        return String.join(" | ", parts);
    }
}
