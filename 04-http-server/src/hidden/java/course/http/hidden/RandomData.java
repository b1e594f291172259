package course.http.hidden;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Random names, texts and byte strings for the hidden tests, all from the test's seeded Random. */
final class RandomData {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int[] CODE_POINTS = {'a', 'Z', '7', ' ', '-', '_', '~', '.', '!', '*', '(', 0xe9, 0xdf, 0xf1,
            0x4e2d, 0x6587, 0x3042, 0x0416, 0x1f600, 0x1f680, 0x2603, '+', '&', '=', '\'', '@'};

    private RandomData() {
    }

    static String name(Random random, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(LOWER.charAt(random.nextInt(LOWER.length())));
        }
        return out.toString();
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Text with ASCII, accents, CJK and emoji, never empty. */
    static String text(Random random, int maxCodePoints) {
        int n = 1 + random.nextInt(maxCodePoints);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                out.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            } else {
                out.append(LOWER.charAt(random.nextInt(LOWER.length())));
            }
        }
        return out.toString();
    }

    /** Percent-encodes the UTF-8 bytes: unreserved characters sometimes stay as they are. */
    static String percentEncode(Random random, String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            boolean unreserved = (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                    || v == '-' || v == '_' || v == '~';
            if (unreserved && random.nextBoolean()) {
                out.append((char) v);
            } else {
                out.append(String.format(random.nextBoolean() ? "%%%02X" : "%%%02x", v));
            }
        }
        return out.toString();
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Sorted distinct cut points inside 1..length-1. */
    static int[] cuts(Random random, int length, int count) {
        return random.ints(count, 1, Math.max(2, length)).distinct().sorted().toArray();
    }
}
