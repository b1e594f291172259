package course.osi;

import java.util.List;
import java.util.Optional;

/** A small table of well-known ports, with the service names IANA's registry gives them. */
public final class WellKnownPorts {
    private WellKnownPorts() {
    }

    /**
     * The services of this table, in port order: 20 ftp-data, 21 ftp, 22 ssh, 23 telnet, 25 smtp,
     * 53 domain, 67 bootps, 68 bootpc, 69 tftp, 80 http, 110 pop3, 123 ntp, 143 imap, 161 snmp,
     * 443 https, 993 imaps, 995 pop3s.
     */
    public static List<Service> all() {
        // BEGIN SOLUTION
        return TABLE;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): the table of well-known ports");
    }

    /** The service on {@code port}, if the table has one. */
    public static Optional<Service> lookup(int port) {
        // BEGIN SOLUTION
        PortRange.check(port);
        return TABLE.stream().filter(s -> s.port() == port).findFirst();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): look up port " + port);
    }

    /** The service with this IANA name (case-insensitive), if the table has it. */
    public static Optional<Service> byName(String name) {
        // BEGIN SOLUTION
        return TABLE.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 01.7): look up service " + name);
    }
    // BEGIN SOLUTION

    private static final List<Service> TABLE = List.of(
            new Service(20, "ftp-data", "FTP data transfer"),
            new Service(21, "ftp", "FTP control"),
            new Service(22, "ssh", "Secure Shell"),
            new Service(23, "telnet", "Telnet"),
            new Service(25, "smtp", "SMTP (mail transfer)"),
            new Service(53, "domain", "DNS"),
            new Service(67, "bootps", "DHCP/BOOTP server"),
            new Service(68, "bootpc", "DHCP/BOOTP client"),
            new Service(69, "tftp", "Trivial File Transfer"),
            new Service(80, "http", "HTTP (web)"),
            new Service(110, "pop3", "POP3 (mail retrieval)"),
            new Service(123, "ntp", "NTP (time)"),
            new Service(143, "imap", "IMAP (mail access)"),
            new Service(161, "snmp", "SNMP (network management)"),
            new Service(443, "https", "HTTP over TLS"),
            new Service(993, "imaps", "IMAP over TLS"),
            new Service(995, "pop3s", "POP3 over TLS"));
    // END SOLUTION
}
