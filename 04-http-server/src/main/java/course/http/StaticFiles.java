package course.http;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the files below a document root: resolves the path safely (no way out of the
 * root, not even through a symbolic link), picks the Content-Type, negotiates gzip,
 * answers conditional requests (ETag, Last-Modified) and single byte ranges.
 */
final class StaticFiles {
    /** Files up to this size are kept in memory between requests (checked against size and time). */
    static final int CACHED_FILE_BYTES = 1_048_576;
    /** Most files kept in memory. */
    static final int CACHED_FILES = 1024;
    /** How long a request path's resolution to a real file is trusted without checking again. */
    static final int RESOLVED_MILLIS = 1000;

    private static final String GET_HEAD = "GET, HEAD";

    /** A file's bytes as read at one size and modification time; its gzip form is made on first use. */
    private static final class Content {
        final long size;
        final FileTime modified;
        final byte[] bytes;
        /** The entity tag of the plain bytes, without quotes: size and modification time in hex. */
        final String tag;
        /** The modification time in whole seconds, as HTTP dates have no fractions. */
        final Instant modifiedSecond;
        final String lastModified;
        volatile byte[] gzipped;

        Content(long size, FileTime modified, byte[] bytes) {
            this.size = size;
            this.modified = modified;
            this.bytes = bytes;
            this.tag = Long.toHexString(size) + "-" + Long.toHexString(modified.toMillis());
            this.modifiedSecond = Instant.ofEpochSecond(modified.toInstant().getEpochSecond());
            this.lastModified = HttpDate.format(modifiedSecond);
        }
    }

    private final Path root;
    private final ConcurrentHashMap<Path, Content> cache = new ConcurrentHashMap<>();
    // BEGIN SOLUTION
    private final ConcurrentHashMap<String, Resolved> resolved = new ConcurrentHashMap<>();
    // END SOLUTION

    StaticFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    HttpResponse serve(HttpRequest request) throws IOException {
        if (!request.isGetOrHead()) {
            return HttpResponse.methodNotAllowed(GET_HEAD);
        }
        // BEGIN SOLUTION
        Optional<Path> file = cachedResolve(request.path());
        // END SOLUTION
        // STUB: Optional<Path> file = resolve(request.path());
        if (file.isEmpty()) {
            return HttpResponse.error(Status.NOT_FOUND, "no file at " + request.path());
        }
        Content content = load(file.get());
        if (content == null) {
            return HttpResponse.error(Status.NOT_FOUND, "no file at " + request.path());
        }
        return represent(request, MimeTypes.of(file.get().getFileName().toString()), content);
    }

    // BEGIN SOLUTION
    /**
     * {@link #resolve} costs a system call per path component; a found path is remembered for
     * {@link #RESOLVED_MILLIS}, so links and folders that change are noticed soon after.
     * (The file's content is checked on every request anyway.)
     */
    private Optional<Path> cachedResolve(String rawPath) throws IOException {
        long now = System.nanoTime();
        Resolved known = resolved.get(rawPath);
        if (known != null && now - known.at() < RESOLVED_MILLIS * 1_000_000L) {
            return Optional.of(known.file());
        }
        Optional<Path> file = resolve(rawPath);
        if (file.isPresent() && (resolved.size() < CACHED_FILES || known != null)) {
            resolved.put(rawPath, new Resolved(file.get(), now));
        } else if (known != null) {
            resolved.remove(rawPath);
        }
        return file;
    }

    private record Resolved(Path file, long at) {
    }

    // END SOLUTION
    /** The real path of the file a request path names (index.html for a folder), if it is inside the root. */
    Optional<Path> resolve(String rawPath) throws IOException {
        // BEGIN SOLUTION
        Path candidate = root;
        for (String segment : SafePath.segments(rawPath)) {
            candidate = candidate.resolve(segment);
        }
        Path real;
        try {
            real = candidate.toRealPath();
            if (real.startsWith(root) && Files.isDirectory(real)) {
                real = real.resolve("index.html").toRealPath();
            }
        } catch (FileSystemException missing) {
            return Optional.empty();
        }
        return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): map the path into the root (SafePath.segments), folders to index.html, never outside the root (toRealPath)");
    }

    /** The file's bytes, or null when it is not a regular file. */
    private Content load(Path file) throws IOException {
        // BEGIN SOLUTION
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (FileSystemException missing) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        Content cached = cache.get(file);
        if (cached != null && cached.size == attributes.size()
                && cached.modified.equals(attributes.lastModifiedTime())) {
            return cached;
        }
        byte[] bytes = Files.readAllBytes(file);
        Content content = new Content(bytes.length, attributes.lastModifiedTime(), bytes);
        if (bytes.length == attributes.size() && bytes.length <= CACHED_FILE_BYTES
                && (cache.size() < CACHED_FILES || cache.containsKey(file))) {
            cache.put(file, content);
        }
        return content;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("TODO(task 04.3): read the file (null when it is not a regular file)");
    }

    /** Builds the response for a found file, honouring Accept-Encoding, If-None-Match, If-Modified-Since and Range. */
    private HttpResponse represent(HttpRequest request, String type, Content content) {
        // BEGIN SOLUTION
        HttpHeaders headers = request.headers();
        Optional<String> rangeField = request.method().equals("GET") ? headers.first("Range") : Optional.empty();
        boolean compressible = MimeTypes.compressible(type);
        boolean gzip = compressible && rangeField.isEmpty()
                && ContentCoding.prefersGzip(headers.first("Accept-Encoding").orElse(null));
        String etag = gzip ? "\"" + content.tag + "-gz\"" : "\"" + content.tag + "\"";
        Instant modified = content.modifiedSecond;
        String lastModified = content.lastModified;

        HttpResponse.Builder response;
        if (notModified(headers, etag, modified)) {
            response = HttpResponse.builder(Status.NOT_MODIFIED);
        } else {
            ByteRanges.Selection selection = rangeField.isPresent() && ifRangeMatches(headers, etag, lastModified)
                    ? ByteRanges.select(rangeField.get(), content.size) : new ByteRanges.Whole();
            switch (selection) {
                case ByteRanges.Part part -> response = HttpResponse.builder(Status.PARTIAL_CONTENT)
                        .header("Content-Type", type)
                        .header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + content.size)
                        .body(Arrays.copyOfRange(content.bytes, (int) part.first(), (int) part.last() + 1));
                case ByteRanges.Unsatisfiable none -> {
                    return HttpResponse.error(Status.RANGE_NOT_SATISFIABLE, "the file has " + content.size + " bytes")
                            .withHeader("Content-Range", "bytes */" + content.size);
                }
                case ByteRanges.Whole whole -> {
                    response = HttpResponse.builder(Status.OK).header("Content-Type", type);
                    if (gzip) {
                        response.header("Content-Encoding", "gzip").body(gzipped(content));
                    } else {
                        response.body(content.bytes);
                    }
                }
            }
        }
        response.header("ETag", etag).header("Last-Modified", lastModified).header("Accept-Ranges", "bytes");
        if (compressible) {
            response.header("Vary", "Accept-Encoding");
        }
        return response.build();
        // END SOLUTION
        // STUB: // TODO(task 04.7): ETag, Last-Modified, 304 for If-None-Match / If-Modified-Since, gzip, Range (206, 416).
        // STUB: return HttpResponse.builder(Status.OK).header("Content-Type", type).body(content.bytes).build();
    }
    // BEGIN SOLUTION

    /** RFC 9110, section 13.2.2: If-None-Match first (weak comparison); If-Modified-Since only without it. */
    private static boolean notModified(HttpHeaders headers, String etag, Instant modified) {
        Optional<String> ifNoneMatch = headers.first("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            String list = String.join(",", headers.all("If-None-Match"));
            return list.strip().equals("*") || EntityTags.containsWeakly(list, etag);
        }
        return headers.first("If-Modified-Since").flatMap(HttpDate::parse)
                .map(since -> !modified.isAfter(since))
                .orElse(false);
    }

    /** If-Range (RFC 9110, section 13.1.5): the range applies only to the representation the client has. */
    private static boolean ifRangeMatches(HttpHeaders headers, String etag, String lastModified) {
        Optional<String> ifRange = headers.first("If-Range");
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get().strip();
        return value.startsWith("\"") ? value.equals(etag) : value.equals(lastModified);
    }

    private static byte[] gzipped(Content content) {
        byte[] gzipped = content.gzipped;
        if (gzipped == null) {
            gzipped = ContentCoding.gzip(content.bytes);
            content.gzipped = gzipped;
        }
        return gzipped;
    }
    // END SOLUTION
}
