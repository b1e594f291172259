package course.grader.support.archfixture;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** Student-like code that uses HttpURLConnection. Never run; only imported by the rule tests. */
public final class UrlConnectionCode {
    private UrlConnectionCode() {
    }

    static int status(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        return c.getResponseCode();
    }
}
