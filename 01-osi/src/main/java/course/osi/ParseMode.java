package course.osi;

/** How forgiving a parser is. */
public enum ParseMode {
    /**
     * As a receiving host: every length must be backed by bytes and every checksum must verify,
     * else {@link PacketException} (a host drops such a packet).
     */
    STRICT,
    /**
     * As a capture tool: headers must still be complete, but the data after them may be cut short
     * by the capture's snap length, and checksums are reported ({@link ChecksumStatus}), not enforced.
     */
    CAPTURE
}
