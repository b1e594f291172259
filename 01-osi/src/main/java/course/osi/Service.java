package course.osi;

/**
 * A service on a well-known port.
 *
 * @param port        the port number
 * @param name        the IANA service name (Service Name and Transport Protocol Port Number Registry), e.g. "http"
 * @param description what it is, e.g. "HTTP (web)"
 */
public record Service(int port, String name, String description) {
}
