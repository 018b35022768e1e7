package dev.attest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through the real servlet container, where Vaadin's servlet takes whatever Spring MVC does not map: a path under
 * {@code /api} that no endpoint serves is 404 and a known path with another method 405 (with {@code Allow}), both
 * as problem details and never the UI's HTML page; for every method and letter case, and an anonymous caller still
 * gets 401 first. The UI itself still loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:unknown-api-path-tests;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class UnknownApiPathTests {

    static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");
    static final List<String> UNKNOWN = List.of("/api/v1/nosuch", "/api/v1/cases/x/nosuch/deeper", "/api",
            "/api/", "/api/v2/cases", "/api/v1/%6eosuch", "/API/v1/cases", "/Api/v1/tasks", "/api/v1/cases/");

    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String problem(HttpResponse<String> response, int status) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (response.statusCode() != status || !type.startsWith("application/problem+json")
                || body.contains("<") || !body.contains("\"status\":" + status) || !body.contains("\"title\":")) {
            return response.statusCode() + " " + type + " " + body.substring(0, Math.min(120, body.length()));
        }
        return null;
    }

    @Test
    void anUnknownPathIsA404ProblemForEveryMethodAndCase() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : UNKNOWN) {
            for (String method : METHODS) {
                String bad = problem(call(method, path, "admin"), 404);
                if (bad != null) {
                    wrong.add(method + " " + path + ": " + bad);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(call("GET", "/api/v1/nosuch", "admin").body()).contains("\"title\":\"Not found\"")
                .contains("\"type\":\"about:blank\"");
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticateFirst() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : UNKNOWN) {
            for (String method : METHODS) {
                HttpResponse<String> response = call(method, path, null);
                String bad = problem(response, 401);
                if (bad != null || response.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    wrong.add(method + " " + path + ": " + bad);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405ProblemNamingTheAllowedOnes() throws Exception {
        HttpResponse<String> patch = call("PATCH", "/api/v1/cases", "intake");
        assertThat(problem(patch, 405)).isNull();
        assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET").contains("POST").doesNotContain("PATCH"));
        assertThat(patch.body()).contains("\"title\":\"Method not allowed\"").contains("PATCH is not supported");

        HttpResponse<String> delete = call("DELETE", "/api/v1/tasks", "analyst");
        assertThat(problem(delete, 405)).isNull();
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aKnownPathStillAnswersTheDescriptionSaysSoAndTheUiStillLoads() throws Exception {
        HttpResponse<String> cases = call("GET", "/api/v1/%63ases", "intake");
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        assertThat(cases.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));

        assertThat(call("GET", "/v3/api-docs", null).body()).contains("404 for a path under `/api` that no endpoint")
                .contains("405");

        HttpResponse<String> login = call("GET", "/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/html"));
        assertThat(login.body()).containsIgnoringCase("<!doctype html>");
    }
}
