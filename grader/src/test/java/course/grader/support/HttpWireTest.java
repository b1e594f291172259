package course.grader.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpWireTest {

    private static RawResponse readOne(String wire, String method) throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(wire); RawConnection c = server.connect()) {
            return HttpWire.readResponse(c, method);
        }
    }

    /** The server reads the whole request first, so its close cannot reset the connection early. */
    private static AssertionError failureFor(String wire) throws Exception {
        String request = HttpWire.request("GET", "/");
        try (ScriptedServer server = ScriptedServer.start((s, in, out) -> {
            byte[] got = in.readNBytes(request.length());
            out.write(Bytes.ascii(wire));
            out.flush();
            return got;
        }); RawConnection c = server.connect()) {
            c.send(request);
            try {
                HttpWire.readResponse(c);
            } catch (AssertionError e) {
                assertThat(server.finish()).isEqualTo(Bytes.ascii(request));
                assertThat(e).hasMessageStartingWith("steps that ran:")
                        .hasMessageContaining("sent " + request.length() + " bytes: \"GET / HTTP/1.1\\r\\n");
                return e;
            }
            throw new AssertionError("expected the response to be rejected: " + Bytes.escape(Bytes.ascii(wire)));
        }
    }

    @Test
    void readsPipelinedContentLengthResponsesOneAtATime() throws Exception {
        String first = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
        String second = "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nno";
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen(first + second);
             RawConnection c = server.connect()) {
            RawResponse one = HttpWire.readResponse(c);
            assertThat(one.version()).isEqualTo("HTTP/1.1");
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.reason()).isEqualTo("OK");
            assertThat(one.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(one.headers()).containsExactly(new RawResponse.Header("Content-Type", "text/plain"),
                    new RawResponse.Header("Content-Length", "5"));
            assertThat(one.bodyText()).isEqualTo("hello");
            assertThat(one.raw()).isEqualTo(Bytes.ascii(first));
            assertThat(one.dump()).isEqualTo(Bytes.escape(Bytes.ascii(first)));

            RawResponse two = HttpWire.readResponse(c, "GET");
            assertThat(two.status()).isEqualTo(404);
            assertThat(two.reason()).isEqualTo("Not Found");
            assertThat(two.header("Content-Length")).contains("2");
            assertThat(two.bodyText()).isEqualTo("no");
            assertThat(two.raw()).isEqualTo(Bytes.ascii(second));

            // Nothing was read past the second response.
            c.expectSilence(java.time.Duration.ofMillis(50));
            assertThat(c.transcript().render()).contains("received response \"HTTP/1.1 200 OK\\r\\n",
                    "received response \"HTTP/1.1 404 Not Found\\r\\n");
        }
    }

    @Test
    void decodesAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen(wire + "NEXT");
             RawConnection c = server.connect()) {
            RawResponse r = HttpWire.readResponse(c);
            assertThat(r.bodyText()).isEqualTo("hello world0123456789");
            assertThat(r.raw()).isEqualTo(Bytes.ascii(wire));
            assertThat(r.hasToken("transfer-encoding", "CHUNKED")).isTrue();
            assertThat(r.hasToken("Transfer-Encoding", "deflate")).isFalse();
            // The trailers were consumed, and nothing more.
            c.expect("NEXT");
        }
    }

    @Test
    void headResponsesHaveNoBodyWhateverTheirHeadersSay() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.replyingAndStayingOpen(head + head);
             RawConnection c = server.connect()) {
            RawResponse r = HttpWire.readResponse(c, "HEAD");
            assertThat(r.body()).isEmpty();
            assertThat(r.raw()).isEqualTo(Bytes.ascii(head));
            assertThat(HttpWire.readResponse(c, "head").status()).isEqualTo(200);
        }
    }

    @Test
    void statusCodesWithoutABodyAreNotFollowedByOne() throws Exception {
        String wire = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 20\r\nETag: \"x\"\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 20\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedServer server = ScriptedServer.replying(wire); RawConnection c = server.connect()) {
            RawResponse cont = HttpWire.readResponse(c);
            RawResponse notModified = HttpWire.readResponse(c);
            RawResponse noContent = HttpWire.readResponse(c);
            RawResponse ok = HttpWire.readResponse(c);
            assertThat(List.of(cont.status(), notModified.status(), noContent.status(), ok.status()))
                    .containsExactly(100, 304, 204, 200);
            assertThat(cont.body()).isEmpty();
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.header("etag")).contains("\"x\"");
            assertThat(noContent.body()).isEmpty();
            assertThat(ok.bodyText()).isEqualTo("ok");
        }
    }

    @Test
    void aBodyWithoutFramingRunsToTheClose() throws Exception {
        String head = "HTTP/1.0 200 OK\r\nServer: old\r\n\r\n";
        RawResponse r = readOne(head + "all of\r\nthis", "GET");
        assertThat(r.version()).isEqualTo("HTTP/1.0");
        assertThat(r.bodyText()).isEqualTo("all of\r\nthis");
        assertThat(r.raw()).isEqualTo(Bytes.ascii(head + "all of\r\nthis"));
    }

    @Test
    void toleratesBareLineFeedsAndAStatusLineWithoutReason() throws Exception {
        RawResponse r = readOne("HTTP/1.1 200\nContent-Length:3\n\nabc", "GET");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEmpty();
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 ");
        assertThat(r.header("content-length")).contains("3");
        assertThat(r.bodyText()).isEqualTo("abc");
    }

    @Test
    void rawResponseLooksUpHeadersCaseInsensitively() {
        RawResponse r = new RawResponse("HTTP/1.1", 200, "OK", List.of(
                new RawResponse.Header("Vary", "Accept-Encoding"),
                new RawResponse.Header("Connection", "keep-alive, Upgrade"),
                new RawResponse.Header("vary", "Origin")), Bytes.ascii("caf\u00c3\u00a9"), Bytes.ascii("raw\r\n"));
        assertThat(r.header("VARY")).contains("Accept-Encoding");
        assertThat(r.header("Missing")).isEmpty();
        assertThat(r.headerValues("Vary")).containsExactly("Accept-Encoding", "Origin");
        assertThat(r.hasToken("connection", "upgrade")).isTrue();
        assertThat(r.hasToken("connection", "close")).isFalse();
        assertThat(r.hasToken("Missing", "x")).isFalse();
        assertThat(r.bodyText()).isEqualTo("caf\u00e9");
        assertThat(r.dump()).isEqualTo("raw\\r\\n");
    }

    @Test
    void rejectsAMalformedStatusLine() throws Exception {
        assertThat(failureFor("HTTP/1.1 OK\r\n\r\n")).hasMessageContaining(
                "expected a status line like \"HTTP/1.1 200 OK\", but it was \"HTTP/1.1 OK\"");
        assertThat(failureFor("ICY 200 OK\r\n\r\n")).hasMessageContaining("but it was \"ICY 200 OK\"");
        assertThat(failureFor("HTTP/1.1\r\n\r\n")).hasMessageContaining("but it was \"HTTP/1.1\"");
        assertThat(failureFor("HTTP/1.1 2000 OK\tx\r\n\r\n")).hasMessageContaining("but it was \"HTTP/1.1 2000 OK\\tx\"");
    }

    @Test
    void rejectsMalformedHeaderLines() throws Exception {
        assertThat(failureFor("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n"))
                .hasMessageContaining("malformed header line from the server: \"No colon here\"");
        assertThat(failureFor("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n"))
                .hasMessageContaining("malformed header line from the server: \": empty name\"");
    }

    @Test
    void rejectsTooManyHeaders() throws Exception {
        String headers = "X-H: v\r\n".repeat(HttpWire.MAX_HEADERS + 1);
        assertThat(failureFor("HTTP/1.1 200 OK\r\n" + headers + "\r\n"))
                .hasMessageContaining("more than " + HttpWire.MAX_HEADERS + " header lines in one response");
    }

    @Test
    void acceptsExactlyTheMaximumNumberOfHeaders() throws Exception {
        String headers = "X-H: v\r\n".repeat(HttpWire.MAX_HEADERS);
        RawResponse r = readOne("HTTP/1.1 200 OK\r\n" + headers + "\r\n", "HEAD");
        assertThat(r.headers()).hasSize(HttpWire.MAX_HEADERS);
    }

    @Test
    void rejectsAnOverlongLine() throws Exception {
        String longHeader = "X-Long: " + "a".repeat(HttpWire.MAX_LINE) + "\r\n";
        assertThat(failureFor("HTTP/1.1 200 OK\r\n" + longHeader + "\r\n"))
                .hasMessageContaining("a header line longer than " + HttpWire.MAX_LINE + " bytes");
    }

    @Test
    void rejectsAnInvalidContentLength() throws Exception {
        assertThat(failureFor("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"))
                .hasMessageContaining("the server sent an invalid Content-Length: \"ten\"");
        assertThat(failureFor("HTTP/1.1 200 OK\r\nContent-Length: " + (RawConnection.MAX_COLLECTED + 1L) + "\r\n\r\n"))
                .hasMessageContaining("Content-Length " + (RawConnection.MAX_COLLECTED + 1L)
                        + " is larger than this test reads");
    }

    @Test
    void reportsABodyCutShortWithWhatArrived() throws Exception {
        assertThat(failureFor("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
                .hasMessageContaining("the connection closed after 3 of 10 body bytes; got "
                        + "\"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nabc\"");
    }

    @Test
    void reportsAConnectionClosedBeforeOrInsideTheHead() throws Exception {
        assertThat(failureFor("")).hasMessageContaining(
                "the connection closed while reading the status line; received so far: \"\"");
        assertThat(failureFor("HTTP/1.1 200 OK\r\nServ")).hasMessageContaining(
                "the connection closed while reading the header line; received so far: \"HTTP/1.1 200 OK\\r\\nServ\"");
    }

    @Test
    void rejectsBrokenChunkedFraming() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(failureFor(head + "zz\r\n")).hasMessageContaining("invalid chunk size line: \"zz\"");
        assertThat(failureFor(head + "3\r\nabcX\r\n")).hasMessageContaining(
                "expected CRLF after a chunk of 3 bytes, but it was \"X\"");
        assertThat(failureFor(head + "3\r\nabc\r\n")).hasMessageContaining(
                "the connection closed while reading the chunk size line");
        assertThat(failureFor(head + "0\r\nX-Trailer: 1\r\n")).hasMessageContaining(
                "the connection closed while reading the trailer line");
    }

    @Test
    void requestAddsAHostHeaderOnlyWhenMissing() {
        assertThat(HttpWire.request("GET", "/index.html"))
                .isEqualTo("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(HttpWire.request("POST", "/form", "Content-Length: 0", "Connection: close"))
                .isEqualTo("POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(HttpWire.request("GET", "/", "host: example.com"))
                .isEqualTo("GET / HTTP/1.1\r\nhost: example.com\r\n\r\n");
    }
}
