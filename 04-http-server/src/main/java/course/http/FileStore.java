package course.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /files/{name}}: {@code POST} stores the request body under that name (201 with
 * Location), {@code GET} returns it. Names are single file names: a slash, a backslash,
 * {@code .}, {@code ..} or control characters are refused with 400.
 */
final class FileStore {
    private static final String ALLOWED = "GET, HEAD, POST";

    /** Numbers the temporary files of uploads in progress, so two uploads never share one. */
    private static final AtomicLong UPLOADS = new AtomicLong();

    private final Path dir;

    /** @param dir the folder to store files in, or null when the server has none (every request is 404) */
    FileStore(Path dir) throws IOException {
        this.dir = dir;
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    HttpResponse handle(HttpRequest request, String rawName) throws IOException {
        if (dir == null) {
            return HttpResponse.error(Status.NOT_FOUND, "this server stores no files (start it with --files DIR)");
        }
        // BEGIN SOLUTION
        String name = checkedName(PercentCoding.decode(rawName));
        Path file = dir.resolve(name);
        switch (request.method()) {
            case "GET", "HEAD" -> {
                try {
                    return HttpResponse.builder(Status.OK).header("Content-Type", MimeTypes.DEFAULT)
                            .body(Files.readAllBytes(file)).build();
                } catch (NoSuchFileException e) {
                    return HttpResponse.error(Status.NOT_FOUND, "no file named " + name);
                }
            }
            case "POST" -> {
                // Written beside the target and then renamed, so a reader never sees half a file.
                Path temporary = dir.resolve(".upload-" + UPLOADS.incrementAndGet() + ".tmp");
                try {
                    Files.write(temporary, request.body());
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return HttpResponse.builder(Status.CREATED).header("Location", "/files/" + rawName).build();
            }
            default -> {
                return HttpResponse.methodNotAllowed(ALLOWED);
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.4): POST stores the body (201 + Location), GET returns it, other methods 405");
    }

    private static String checkedName(String name) {
        // BEGIN SOLUTION
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 255) {
            throw new HttpException(Status.BAD_REQUEST, "not a valid file name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw new HttpException(Status.BAD_REQUEST, "a file name may not contain / \\ or control characters");
            }
        }
        if (name.startsWith("..")) {
            throw new HttpException(Status.BAD_REQUEST, "a file name may not start with ..");
        }
        return name;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.4): refuse names with / \\ .. or control characters (400)");
    }
}
