package course.tcpudp;

/**
 * What a {@link LossyChannel} did to the datagrams of one direction (or of both, added up).
 *
 * @param received   datagrams that reached the channel
 * @param dropped    datagrams it dropped (at random or by a drop rule)
 * @param duplicated datagrams it delivered twice
 * @param reordered  datagrams it held back so that later ones overtook them
 * @param corrupted  datagrams in which it flipped a bit
 * @param delivered  datagrams it sent on (a duplicate counts twice)
 */
public record ChannelStats(long received, long dropped, long duplicated, long reordered, long corrupted,
                           long delivered) {
    public ChannelStats plus(ChannelStats o) {
        return new ChannelStats(received + o.received, dropped + o.dropped, duplicated + o.duplicated,
                reordered + o.reordered, corrupted + o.corrupted, delivered + o.delivered);
    }
}
