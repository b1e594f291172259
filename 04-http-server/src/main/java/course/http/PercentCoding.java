package course.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of URI parts (RFC 3986, section 2.1) into UTF-8 text. */
final class PercentCoding {
    private PercentCoding() {
    }

    /** Decodes {@code %XX} escapes; a broken escape or bytes that are not UTF-8 are answered 400. */
    static String decode(String raw) {
        // BEGIN SOLUTION
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new HttpException(Status.BAD_REQUEST, "a % must be followed by two hex digits");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(Status.BAD_REQUEST, "the path is not UTF-8");
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): decode %XX escapes as UTF-8 (400 when broken)");
    }
}
