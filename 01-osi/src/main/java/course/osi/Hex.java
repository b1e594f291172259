package course.osi;

import java.util.HexFormat;

/** Short hex renderings for toString methods, so a record that holds bytes prints readably. */
final class Hex {
    /** Bytes shown before the rest is summarised; a full packet in a message helps nobody. */
    static final int MAX_SHOWN = 32;

    private Hex() {
    }

    /** "0a1b2c" for short arrays, "0a1b2c...(1500 bytes)" for long ones. */
    static String brief(byte[] bytes) {
        if (bytes.length <= MAX_SHOWN) {
            return HexFormat.of().formatHex(bytes);
        }
        return HexFormat.of().formatHex(bytes, 0, MAX_SHOWN) + "...(" + bytes.length + " bytes)";
    }

    /** "0x0800" style: a number as {@code digits} hex digits. */
    static String number(long value, int digits) {
        return "0x" + HexFormat.of().toHexDigits(value).substring(16 - digits);
    }
}
