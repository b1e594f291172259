package course.osi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A small packet dissector for the command line:
 * {@code java -cp target/classes course.osi.Main [--detail] capture.pcap} prints one summary
 * line per packet, or with --detail every layer of every packet.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean detail = args.length == 2 && args[0].equals("--detail");
        if (args.length != 1 && !detail) {
            System.err.println("usage: Main [--detail] capture.pcap");
            return;
        }
        try {
            PcapFile file = PcapReader.read(Path.of(args[args.length - 1]));
            for (DissectedPacket p : Dissector.dissect(file)) {
                System.out.println(detail ? p.detail() + "\n" : p.summary());
            }
        } catch (IOException e) {
            System.err.println("cannot read " + args[args.length - 1] + ": " + e.getMessage());
        }
    }
}
