package course.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Removes chunked transfer coding (RFC 9112, section 7.1):
 * <pre>
 * chunk      = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 * last-chunk = 1*"0" [ chunk-ext ] CRLF
 * then trailer fields, each ending in CRLF, then an empty line
 * </pre>
 * Extensions and trailer fields are read and ignored.
 */
final class ChunkedDecoder {
    private ChunkedDecoder() {
    }

    /** Reads a whole chunked body; more than {@code maxBytes} of data is answered 413. */
    static byte[] decode(HttpInput in, int maxBytes) throws IOException {
        // BEGIN SOLUTION
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            long size = chunkSize(in.readLine(Limits.MAX_CHUNK_LINE_BYTES, Status.BAD_REQUEST));
            if (size == 0) {
                break;
            }
            if (body.size() + size > maxBytes) {
                throw new HttpException(Status.CONTENT_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
            }
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(left, chunk.length);
                in.readFully(chunk, 0, n);
                body.write(chunk, 0, n);
                left -= n;
            }
            if (!in.readLine(0, Status.BAD_REQUEST).isEmpty()) {
                throw new HttpException(Status.BAD_REQUEST, "a chunk must end with CRLF");
            }
        }
        int budget = Limits.MAX_HEADER_BYTES;
        int count = 0;
        while (true) {
            String trailer = in.readLine(Math.max(0, budget), Status.REQUEST_HEADER_FIELDS_TOO_LARGE);
            if (trailer.isEmpty()) {
                return body.toByteArray();
            }
            budget -= trailer.length() + 2;
            if (++count > Limits.MAX_HEADER_COUNT || budget < 0) {
                throw new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many trailer fields");
            }
            if (trailer.indexOf(':') <= 0) {
                throw new HttpException(Status.BAD_REQUEST, "a trailer field is: name \":\" value");
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.4): decode a chunked body (sizes in hex, extensions, trailers)");
    }

    /** The size in a chunk-size line, ignoring extensions ({@code 1a;name=value}). */
    private static long chunkSize(String line) {
        // BEGIN SOLUTION
        int end = 0;
        while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == 0 || end > 8) {
            throw new HttpException(Status.BAD_REQUEST, "invalid chunk size line \""
                    + RequestParser.printable(line) + "\"");
        }
        String rest = line.substring(end).stripLeading();
        if (!rest.isEmpty() && rest.charAt(0) != ';') {
            throw new HttpException(Status.BAD_REQUEST, "invalid chunk size line \""
                    + RequestParser.printable(line) + "\"");
        }
        return Long.parseLong(line, 0, end, 16);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.4): parse the hex size before any ';'");
    }
}
