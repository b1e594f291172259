package course.osi;

/** Text that should have been an address (MAC, IPv4, CIDR block) but is not; the message says why. */
public final class AddressFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;

    /**
     * @param what   what was expected, e.g. "an IPv4 address"
     * @param input  the text as given
     * @param reason what is wrong with it, e.g. "part 3 (\"256\") is larger than 255"
     */
    public AddressFormatException(String what, String input, String reason) {
        super("\"" + input + "\" is not " + what + ": " + reason);
        this.input = input;
        this.reason = reason;
    }

    public String input() {
        return input;
    }

    public String reason() {
        return reason;
    }
}
