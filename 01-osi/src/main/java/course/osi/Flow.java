package course.osi;

import java.util.Objects;

/**
 * Who talks to whom, at every layer: the addresses and ports that encapsulation writes into
 * the headers and decapsulation reads back.
 *
 * @param transport       {@link Protocol#UDP} or {@link Protocol#TCP}
 */
public record Flow(MacAddress sourceMac, MacAddress destinationMac, Ipv4Address source, Ipv4Address destination,
                   Protocol transport, int sourcePort, int destinationPort) {
    public Flow {
        Objects.requireNonNull(sourceMac, "sourceMac");
        Objects.requireNonNull(destinationMac, "destinationMac");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (transport != Protocol.UDP && transport != Protocol.TCP) {
            throw new IllegalArgumentException("the transport is UDP or TCP, not " + transport);
        }
        PortRange.check(sourcePort);
        PortRange.check(destinationPort);
    }
}
