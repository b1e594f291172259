package course.http;

import static course.http.HttpTestSupport.BIG_TXT;
import static course.http.HttpTestSupport.exchange;
import static course.http.HttpTestSupport.expectBody;
import static course.http.HttpTestSupport.expectContentLength;
import static course.http.HttpTestSupport.expectHeader;
import static course.http.HttpTestSupport.expectImfDate;
import static course.http.HttpTestSupport.expectNoHeader;
import static course.http.HttpTestSupport.expectStatus;
import static course.http.HttpTestSupport.formatImf;
import static course.http.HttpTestSupport.gunzip;
import static course.http.HttpTestSupport.parseImf;
import static course.http.HttpTestSupport.siteServer;
import static course.http.HttpTestSupport.utf8;

import course.grader.Graded;
import course.grader.support.HttpWire;
import course.grader.support.RawConnection;
import course.grader.support.RawResponse;
import course.grader.support.StudentServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task 04.7: gzip by Accept-Encoding, conditional requests (ETag, Last-Modified) and byte ranges. */
@DisplayName("04.7 Negotiation and caching")
class Task07NegotiationCachingTest {

    @RegisterExtension
    static final StudentServer server = siteServer();

    static RawResponse get(RawConnection c, String target, String... headers) {
        return exchange(c, HttpWire.request("GET", target, headers));
    }

    @Test
    @Graded(task = "04.7", points = 2)
    @DisplayName("Accept-Encoding: gzip gets Content-Encoding: gzip, Vary: Accept-Encoding, and a body that unzips to the file")
    void gzip() {
        for (String accept : List.of("gzip", "gzip, deflate, br", "deflate, gzip;q=0.5", "*", "GZIP;Q=1.0")) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, "/big.txt", "Accept-Encoding: " + accept);
                expectStatus(c, r, 200);
                expectHeader(c, r, "Content-Encoding", "gzip");
                if (!r.hasToken("Vary", "accept-encoding")) {
                    throw c.transcript().failure("a response that depends on Accept-Encoding needs \"Vary: Accept-Encoding\"");
                }
                expectContentLength(c, r);
                if (r.body().length >= BIG_TXT.length()) {
                    throw c.transcript().failure("the gzip body (" + r.body().length + " bytes) is not smaller than the file");
                }
                byte[] plain = gunzip(c, r.body());
                if (!Arrays.equals(plain, utf8(BIG_TXT))) {
                    throw c.transcript().failure("the body unzips to " + plain.length + " bytes that differ from big.txt");
                }
            }
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("no gzip without Accept-Encoding, or with gzip;q=0, *;q=0, identity (still with Vary: Accept-Encoding)")
    void gzipRefused() {
        List<String> variants = List.of("", "Accept-Encoding: gzip;q=0", "Accept-Encoding: *;q=0",
                "Accept-Encoding: identity", "Accept-Encoding: br", "Accept-Encoding: gzip;q=0, *;q=1");
        for (String header : variants) {
            try (RawConnection c = server.connect()) {
                RawResponse r = header.isEmpty() ? get(c, "/big.txt") : get(c, "/big.txt", header);
                expectStatus(c, r, 200);
                String coding = r.header("Content-Encoding").orElse("identity");
                if (!coding.equalsIgnoreCase("identity")) {
                    throw c.transcript().failure("the client did not accept gzip, but the response has Content-Encoding: " + coding);
                }
                expectBody(c, r, BIG_TXT);
                if (!r.hasToken("Vary", "accept-encoding")) {
                    throw c.transcript().failure("this response would be gzipped for another Accept-Encoding, so it "
                            + "needs \"Vary: Accept-Encoding\" too (caches must not hand it to clients that want gzip)");
                }
            }
        }
    }

    @Test
    @Graded(task = "04.7", points = 2)
    @DisplayName("a strong ETag; If-None-Match with it (in a list, as W/, or *) gives 304 without a body")
    void etag() {
        String etag;
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/style.css");
            expectStatus(c, r, 200);
            etag = expectHeader(c, r, "ETag");
            if (!etag.matches("\"[\\x21\\x23-\\x7e]*\"")) {
                throw c.transcript().failure("a strong ETag is a quoted string like \"abc123\" (no W/), but it was " + etag);
            }
        }
        for (String ifNoneMatch : List.of(etag, "\"something-else\", " + etag, "W/" + etag, "*")) {
            try (RawConnection c = server.connect()) {
                RawResponse r = get(c, "/style.css", "If-None-Match: " + ifNoneMatch);
                expectStatus(c, r, 304);
                expectHeader(c, r, "ETag", etag);
                c.expectSilence(Duration.ofMillis(200));
            }
        }
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/style.css", "If-None-Match: \"not-the-tag\"");
            expectStatus(c, r, 200);
            expectBody(c, r, HttpTestSupport.STYLE_CSS);
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("Last-Modified and If-Modified-Since give 304; If-None-Match takes precedence")
    void lastModified() {
        String lastModified;
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/app.js");
            expectStatus(c, r, 200);
            expectImfDate(c, r, "Last-Modified");
            lastModified = r.header("Last-Modified").orElseThrow();
        }
        Instant modified = parseImf(lastModified);
        String later = formatImf(modified.plusSeconds(3600));
        String earlier = formatImf(modified.minusSeconds(3600));
        try (RawConnection c = server.connect()) {
            expectStatus(c, get(c, "/app.js", "If-Modified-Since: " + lastModified), 304);
            c.expectSilence(Duration.ofMillis(200));
            expectStatus(c, get(c, "/app.js", "If-Modified-Since: " + later), 304);
            RawResponse changed = get(c, "/app.js", "If-Modified-Since: " + earlier);
            expectStatus(c, changed, 200);
            expectBody(c, changed, HttpTestSupport.APP_JS);
            RawResponse precedence = get(c, "/app.js", "If-None-Match: \"other\"", "If-Modified-Since: " + later);
            expectStatus(c, precedence, 200);
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("Range: bytes=a-b, a- and -n give 206 with Content-Range; full responses say Accept-Ranges: bytes")
    void ranges() {
        int length = BIG_TXT.length();
        try (RawConnection c = server.connect()) {
            RawResponse full = get(c, "/big.txt");
            expectHeader(c, full, "Accept-Ranges", "bytes");

            RawResponse first = get(c, "/big.txt", "Range: bytes=0-9");
            expectStatus(c, first, 206);
            expectHeader(c, first, "Content-Range", "bytes 0-9/" + length);
            expectBody(c, first, BIG_TXT.substring(0, 10));

            RawResponse from = get(c, "/big.txt", "Range: bytes=" + (length - 30) + "-");
            expectStatus(c, from, 206);
            expectHeader(c, from, "Content-Range", "bytes " + (length - 30) + "-" + (length - 1) + "/" + length);
            expectBody(c, from, BIG_TXT.substring(length - 30));

            RawResponse suffix = get(c, "/big.txt", "Range: bytes=-20");
            expectStatus(c, suffix, 206);
            expectHeader(c, suffix, "Content-Range", "bytes " + (length - 20) + "-" + (length - 1) + "/" + length);
            expectBody(c, suffix, BIG_TXT.substring(length - 20));

            RawResponse clipped = get(c, "/big.txt", "Range: bytes=100-999999999");
            expectStatus(c, clipped, 206);
            expectBody(c, clipped, BIG_TXT.substring(100));
        }
    }

    @Test
    @Graded(task = "04.7", points = 1)
    @DisplayName("an unsatisfiable range is 416 with Content-Range: bytes */length")
    void unsatisfiable() {
        int length = BIG_TXT.length();
        try (RawConnection c = server.connect()) {
            RawResponse r = get(c, "/big.txt", "Range: bytes=" + length + "-");
            expectStatus(c, r, 416);
            expectHeader(c, r, "Content-Range", "bytes */" + length);
            expectNoHeader(c, r, "Content-Encoding");
            RawResponse after = get(c, "/big.txt", "Range: bytes=" + (length + 500) + "-" + (length + 600));
            expectStatus(c, after, 416);
            expectHeader(c, after, "Content-Range", "bytes */" + length);
        }
    }
}
