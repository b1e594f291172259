package course.grader.support.archfixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Student-like code that uses an HTTP library. Never run; only imported by the rule tests. */
public final class HttpClientCode {
    private HttpClientCode() {
    }

    static HttpRequest request(String url) {
        HttpClient.newHttpClient();
        return HttpRequest.newBuilder(URI.create(url)).build();
    }
}
