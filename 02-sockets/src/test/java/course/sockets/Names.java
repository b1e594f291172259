package course.sockets;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Nicknames and channel names that no other test of the same server uses. */
public final class Names {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** RFC 2812 special characters, allowed anywhere in a nickname. */
    public static final String SPECIALS = "[]\\`_^{|}";
    public static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";

    private Names() {
    }

    /** {@code base} with a number, within 9 characters: {@code alice} gives {@code alice12}. */
    public static String nick(String base) {
        String number = Integer.toString(COUNTER.incrementAndGet());
        return base.substring(0, Math.min(base.length(), 9 - number.length())) + number;
    }

    public static String channel(String base) {
        return "#" + base + "-" + COUNTER.incrementAndGet();
    }

    /**
     * A random valid nickname of 2 to 9 characters: letter or special first, then letters,
     * digits, specials and dashes. It ends in a number no other name of this JVM has, so
     * two tests never ask for the same one.
     */
    public static String randomNick(Random random) {
        String unique = Integer.toString(COUNTER.incrementAndGet(), 36);
        int length = 1 + random.nextInt(8 - unique.length());
        StringBuilder n = new StringBuilder();
        String first = LETTERS + SPECIALS;
        String rest = LETTERS + DIGITS + SPECIALS + "-";
        n.append(first.charAt(random.nextInt(first.length())));
        while (n.length() < length) {
            n.append(rest.charAt(random.nextInt(rest.length())));
        }
        return n.append('-').append(unique).toString();
    }

    /** A random channel name: {@code #}, then letters, digits and {@code -_.} (and sometimes non-ASCII letters). */
    public static String randomChannel(Random random) {
        String chars = LETTERS + DIGITS + "-_.";
        StringBuilder c = new StringBuilder("#");
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            c.append(random.nextInt(10) == 0 ? "äλ한".charAt(random.nextInt(3)) : chars.charAt(random.nextInt(chars.length())));
        }
        return c.append('.').append(COUNTER.incrementAndGet()).toString();
    }
}
