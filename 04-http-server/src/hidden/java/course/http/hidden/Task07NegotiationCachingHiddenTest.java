package course.http.hidden;

import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectNoHeader;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.gunzip;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.utf8;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.Seeded;
import course.grader.support.StudentServer;
import course.http.HttpTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("04.7 Negotiation and caching (hidden)")
@ExtendWith(Seeded.class)
class Task07NegotiationCachingHiddenTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static RawResponse get(RawConnection c, String target, String... headers) {
        return exchange(c, HttpWire.request("GET", target, headers));
    }

    static String q(Random random) {
        return RandomData.pick(random, List.of("", "", ";q=0", ";q=0.001", ";q=0.5", ";q=1", ";q=1.0", ";q=0.8"));
    }

    static double qValue(String q) {
        return q.isEmpty() ? 1 : Double.parseDouble(q.substring(3));
    }

    @Test
    @Graded(task = "04.7", points = 2)
    @DisplayName("random Accept-Encoding lists with q-values: gzip exactly when it is acceptable")
    void randomAcceptEncoding(Random random) {
        byte[] file = utf8(HttpTestSupport.BIG_TXT);
        for (int i = 0; i < 25; i++) {
            List<String> codings = new ArrayList<>(List.of("gzip", "deflate", "br", "identity", "*", "compress"));
            Collections.shuffle(codings, random);
            List<String> chosen = codings.subList(0, 1 + random.nextInt(codings.size()));
            StringBuilder header = new StringBuilder();
            double gzip = -1;
            double star = -1;
            double identity = -1;
            for (String coding : chosen) {
                String q = q(random);
                header.append(header.isEmpty() ? "" : random.nextBoolean() ? ", " : ",").append(coding).append(q);
                switch (coding) {
                    case "gzip" -> gzip = qValue(q);
                    case "*" -> star = qValue(q);
                    case "identity" -> identity = qValue(q);
                    default -> {
                    }
                }
            }
            double acceptable = gzip >= 0 ? gzip : Math.max(star, 0);
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, "/big.txt", "Accept-Encoding: " + header);
                expectStatus(c, r, 200);
                boolean gzipped = r.header("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
                if (acceptable == 0 && gzipped) {
                    throw c.transcript().failure("Accept-Encoding: " + header + " does not accept gzip (q=0), but the response is gzipped");
                }
                if (acceptable > 0 && identity < acceptable && !gzipped) {
                    throw c.transcript().failure("Accept-Encoding: " + header + " accepts gzip, but the response is not gzipped");
                }
                byte[] plain = gzipped ? gunzip(c, r.body()) : r.body();
                if (!Arrays.equals(plain, file)) {
                    throw c.transcript().failure("the body (after unzipping) differs from big.txt");
                }
            }
        }
    }

    @Test
    @Graded(task = "04.7", points = 2)
    @DisplayName("random ranges of a random file: 206 with the right bytes, or 416")
    void randomRanges(Random random) throws Exception {
        int size = 1 + random.nextInt(50_000);
        byte[] content = RandomData.bytes(random, size);
        String name = "range-" + RandomData.name(random, 4, 8) + ".bin";
        Files.write(server.dir().resolve("www").resolve(name), content);
        try (RawConnection c = server.connect()) {
            for (int i = 0; i < 25; i++) {
                long first;
                long last;
                String spec;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        first = random.nextInt(size);
                        long to = first + random.nextInt(size);
                        spec = first + "-" + to;
                        last = Math.min(to, size - 1);
                    }
                    case 1 -> {
                        first = random.nextInt(size);
                        spec = first + "-";
                        last = size - 1;
                    }
                    case 2 -> {
                        long n = 1 + random.nextInt(size + 100);
                        spec = "-" + n;
                        first = Math.max(0, size - n);
                        last = size - 1;
                    }
                    default -> {
                        first = size + random.nextInt(1000);
                        spec = first + "-" + (random.nextBoolean() ? "" : Long.toString(first + random.nextInt(100)));
                        last = -1;
                    }
                }
                RawResponse r = get(c, "/" + name, "Range: bytes=" + spec);
                if (last < 0) {
                    expectStatus(c, r, 416);
                    expectHeader(c, r, "Content-Range", "bytes */" + size);
                } else {
                    expectStatus(c, r, 206);
                    expectHeader(c, r, "Content-Range", "bytes " + first + "-" + last + "/" + size);
                    expectBody(c, r, Arrays.copyOfRange(content, (int) first, (int) last + 1));
                }
            }
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("304 responses carry no body and keep the connection usable (GET and HEAD)")
    void notModifiedOnOneConnection() {
        try (RawConnection c = server.connect()) {
            RawResponse first = get(c, "/data.json");
            String etag = expectHeader(c, first, "ETag");
            RawResponse notModified = get(c, "/data.json", "If-None-Match: " + etag);
            expectStatus(c, notModified, 304);
            expectNoHeader(c, notModified, "Content-Encoding");
            c.expectSilence(Duration.ofMillis(200));
            RawResponse head = exchange(c, HttpWire.request("HEAD", "/data.json", "If-None-Match: W/" + etag));
            expectStatus(c, head, 304);
            c.expectSilence(Duration.ofMillis(200));
            RawResponse again = get(c, "/data.json");
            expectStatus(c, again, 200);
            expectBody(c, again, HttpTestSupport.DATA_JSON);
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("the ETag changes with the content, and an old ETag no longer gives 304")
    void etagFollowsContent(Random random) throws Exception {
        Path file = server.dir().resolve("www").resolve("changing-" + RandomData.name(random, 4, 8) + ".txt");
        String firstText = RandomData.name(random, 10, 40);
        Files.writeString(file, firstText);
        String target = "/" + file.getFileName();
        String oldTag;
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, target);
            expectBody(c, r, firstText);
            oldTag = expectHeader(c, r, "ETag");
        }
        String secondText = firstText + " and more " + RandomData.name(random, 5, 20);
        Files.writeString(file, secondText);
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, target, "If-None-Match: " + oldTag);
            expectStatus(c, r, 200);
            expectBody(c, r, secondText);
            String newTag = expectHeader(c, r, "ETag");
            if (newTag.equals(oldTag)) {
                throw c.transcript().failure("the file changed, but its ETag stayed " + oldTag);
            }
        }
    }
}
