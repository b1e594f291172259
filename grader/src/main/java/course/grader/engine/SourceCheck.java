package course.grader.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks before compiling that sources are UTF-8, so the student gets one clear line instead of javac noise. */
public final class SourceCheck {
    private SourceCheck() {
    }

    /** The first source file that is not valid UTF-8, described with the offending byte, if any. */
    public static Optional<String> firstNonUtf8(Path root, Path relativeTo) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                decoder.decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                int offset = firstBadOffset(bytes);
                int line = 1;
                for (int i = 0; i < offset && i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                return Optional.of(relativeTo.relativize(file) + ":" + line + " is not UTF-8 (byte 0x"
                        + String.format("%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xff) + " at offset "
                        + offset + "); save the file as UTF-8 in your editor and grade again");
            }
        }
        return Optional.empty();
    }

    private static int firstBadOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
