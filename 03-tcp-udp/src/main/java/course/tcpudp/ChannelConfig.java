package course.tcpudp;

/**
 * How a {@link LossyChannel} mistreats datagrams. Each probability is between 0 and 1 and is
 * decided per datagram, independently in each direction.
 *
 * @param loss        probability that a datagram is dropped
 * @param duplicate   probability that a datagram is delivered twice
 * @param reorder     probability that a datagram is held back and overtaken by later ones
 * @param corrupt     probability that one bit of the datagram is flipped
 * @param delayMillis one-way delay added to every datagram (0 for none)
 * @param seed        seed of the random decisions; the same seed gives the same decisions
 */
public record ChannelConfig(double loss, double duplicate, double reorder, double corrupt, int delayMillis,
                            long seed) {
    public ChannelConfig {
        check("loss", loss);
        check("duplicate", duplicate);
        check("reorder", reorder);
        check("corrupt", corrupt);
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must be 0 or more, but was " + delayMillis);
        }
    }

    /** A channel that relays every datagram at once, unchanged. */
    public static ChannelConfig perfect() {
        return new ChannelConfig(0, 0, 0, 0, 0, 1);
    }

    /** A channel that only drops datagrams, with the given probability. */
    public static ChannelConfig lossy(double loss, long seed) {
        return new ChannelConfig(loss, 0, 0, 0, 0, seed);
    }

    public ChannelConfig withDelay(int millis) {
        return new ChannelConfig(loss, duplicate, reorder, corrupt, millis, seed);
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability between 0 and 1, but was " + p);
        }
    }
}
