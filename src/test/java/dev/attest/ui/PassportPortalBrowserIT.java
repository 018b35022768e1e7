package dev.attest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.CheckCode;
import dev.attest.documents.CheckResult;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.reading.PassportSpecimen;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * A client on a phone chooses only the kind (passport) and a photo of a generated passport on the portal, and sees
 * the name, document number and expiry filled in from the document itself (real OCR of the machine-readable zone),
 * then sends it unchanged. The form waits as long as reading takes here (this test is about filling, not speed: the
 * benchmark measures that). Screenshots go to {@code target/screenshots}. Needs Chromium and ChromeDriver; skipped
 * without them unless {@code ATTEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"attest.reading.enabled=true", "attest.documents.upload-reading.wait-at-most=60s"})
@ActiveProfiles("test")
class PassportPortalBrowserIT {

    static final LocalDate EXPIRES = LocalDate.of(2031, 5, 1);

    static WebDriver driver;
    static WebDriverWait wait;

    @Autowired CaseIntake intake;
    @Autowired UploadLinks links;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;
    @Autowired Documents documents;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = HeadlessChromium.start(390, 844);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String value(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById(arguments[0]).value;", id);
    }

    @Test
    void aPassportPhotoSentWithOnlyItsKindHasItsNameAndExpiryFilledFromTheDocument() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(
                CaseRequests.with("client.email", "passport-photo@example.com"), CaseIntakeRequest.class)),
                Role.INTAKE);
        String url = transactions.execute(s -> links.create(c.getId(), c.getReference(), "IDENTITY",
                DocumentRequestItems.firstReason(DocumentGroup.IDENTITY), "Ada Analyst",
                DocumentRequestItems.first(DocumentGroup.IDENTITY))).url();
        Path photo = Files.createTempFile("passport", ".png");
        Files.write(photo, PassportSpecimen.png("SELLER", "JANE", "X12345678", "USA", LocalDate.of(1980, 1, 1), "F",
                EXPIRES));

        driver.get(url);
        WebElement kind = visible(By.cssSelector("#portal-1-kind input"));
        kind.sendKeys("Passport");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")));
        kind.sendKeys(Keys.ENTER);
        visible(By.id("portal-1-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(photo.toAbsolutePath().toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portal-1-read"), "We filled in"));
        HeadlessChromium.screenshot(driver, "portal-passport-filled");
        assertThat(value("portal-1-name")).isEqualTo("JANE SELLER");
        assertThat(value("portal-1-document-number")).isEqualTo("X12345678");
        assertThat(value("portal-1-expires-on")).isEqualTo(EXPIRES.toString());

        WebElement send = visible(By.id("portal-1-send"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", send);
        send.click();
        visible(By.id("portal-thanks"));

        List<StoredDocument> stored = RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST);
        assertThat(stored).hasSize(1);
        CheckResult mrz = stored.get(0).getChecks().stream().filter(x -> x.code() == CheckCode.MRZ).findFirst()
                .orElseThrow();
        assertThat(mrz.detail()).contains("every check digit agrees");
        assertThat(stored.get(0).getChecks()).filteredOn(x -> x.code() == CheckCode.CONSISTENCY)
                .extracting(CheckResult::detail).allMatch(d -> d.startsWith("What was typed agrees"));
    }
}
