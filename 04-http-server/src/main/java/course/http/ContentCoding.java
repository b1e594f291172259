package course.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Content negotiation by Accept-Encoding (RFC 9110, section 12.5.3), and gzip itself. */
final class ContentCoding {
    private ContentCoding() {
    }

    /**
     * True when gzip is acceptable ({@code q > 0}, named or through {@code *}) and not
     * less wanted than an explicitly listed {@code identity}. No field means no gzip.
     */
    static boolean prefersGzip(String acceptEncoding) {
        // BEGIN SOLUTION
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = -1;
        double star = -1;
        double identity = -1;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                        && parameter.charAt(1) == '=') {
                    q = quality(parameter.substring(2).strip());
                }
            }
            if (q < 0) {
                continue;
            }
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "*" -> star = q;
                case "identity" -> identity = q;
                default -> {
                }
            }
        }
        double gzipQuality = gzip >= 0 ? gzip : star >= 0 ? star : 0;
        return gzipQuality > 0 && gzipQuality >= identity;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): read the q-values of gzip, * and identity");
    }

    /** A q-value between 0 and 1 with up to three decimals, or -1 when it is malformed. */
    private static double quality(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        try {
            double q = Double.parseDouble(text);
            return q >= 0 && q <= 1 && Character.isDigit(text.charAt(0)) ? q : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static byte[] gzip(byte[] data) {
        // BEGIN SOLUTION
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.7): compress with java.util.zip.GZIPOutputStream");
    }
}
