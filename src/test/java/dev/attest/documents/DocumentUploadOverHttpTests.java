package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploads through the real servlet container (Tomcat parses the multipart body itself, unlike MockMvc): a file
 * name with a raw NUL byte in its {@code Content-Disposition} is a 400 naming the field, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:upload-http-tests;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DocumentUploadOverHttpTests {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    HttpResponse<String> upload(String fileName) throws IOException, InterruptedException {
        String reference = jdbc.queryForObject("SELECT reference FROM case_file WHERE status <> 'CLOSED' "
                + "ORDER BY reference LIMIT 1", String.class);
        String boundary = "----attest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\"\r\nContent-Type: image/png\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(TestFiles.png(300, 200));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"kind\":\"PASSPORT\",\"nameOnDocument\":\"Jane Seller\","
                + "\"issuingCountry\":\"US\",\"expiresOn\":\"2031-01-01\"}\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases/"
                + reference + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNulByteInTheFileNameIsA400NamingTheFieldAndStoresNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM case_document", Long.class);
        HttpResponse<String> response = upload("passport.png\u0000.exe");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"file\"").contains("NUL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_document", Long.class)).isEqualTo(before);
    }

    @Test
    void anEscapeCharacterInTheFileNameIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = upload("passport\u001B[31m.png");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"file\"").contains("control character");
    }
}
