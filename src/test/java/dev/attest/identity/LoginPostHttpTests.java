package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login as a browser does it, over real HTTP: the login page carries the CSRF token in the meta tags the
 * login form reads ({@code _csrf_parameter}, {@code _csrf}) and adds to its POST; that POST logs in, and the same
 * POST without the token, or with another session's, is refused with 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:login-post-http;DB_CLOSE_DELAY=-1",
        "attest.data-dir=target/login-post-http"})
@ActiveProfiles("test")
class LoginPostHttpTests {

    static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> post(HttpClient client, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(url("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theLoginPageCarriesTheTokenAndThePostNeedsIt() throws Exception {
        HttpClient client = browser();
        String page = client.send(HttpRequest.newBuilder(url("/login")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String parameter = null;
        String token = null;
        Matcher m = META.matcher(page);
        while (m.find()) {
            if (m.group(1).equals("_csrf_parameter")) {
                parameter = m.group(2);
            } else {
                token = m.group(2);
            }
        }
        assertThat(parameter).as("the login form's parameter name").isEqualTo("_csrf");
        assertThat(token).as("the token in the page").isNotBlank();

        String credentials = field("username", "analyst") + "&" + field("password", "demo");
        assertThat(post(client, credentials).statusCode()).as("no token").isEqualTo(403);
        assertThat(post(browser(), credentials + "&" + field(parameter, token)).statusCode())
                .as("the token of another browser's session").isEqualTo(403);
        HttpResponse<String> loggedIn = post(client, credentials + "&" + field(parameter, token));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error").doesNotContain("login");
    }
}
