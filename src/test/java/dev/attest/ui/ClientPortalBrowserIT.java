package dev.attest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * A client on a phone (390 × 844, headless Chromium) follows an upload link asking for the company registration and
 * an ownership chart, sends both through the one link, and sees both slots fill. The link starts with the address
 * Attest was started on (no {@code attest.portal.public-url} set), so it can be followed as it is. Screenshots go to
 * {@code target/screenshots}. Needs Chromium and ChromeDriver; skipped without them unless
 * {@code ATTEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientPortalBrowserIT {

    static WebDriver driver;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired CaseIntake intake;
    @Autowired UploadLinks links;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = HeadlessChromium.start(390, 844);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(driver, name);
    }

    void fullPageScreenshot(String name) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = (Long) js.executeScript("return Math.max(document.body.scrollHeight, "
                + "document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(390, (int) Math.min(height + 40, 4000)));
        screenshot(name);
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    void chooseFile(String slot, Path file) {
        WebElement upload = visible(By.id("portal-" + slot + "-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath()
                .toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portal-" + slot + "-file"),
                "Ready to send"));
    }

    void type(String id, String text) {
        WebElement input = visible(By.cssSelector("#" + id + " input"));
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    @Test
    void aClientOnAPhoneSendsTwoRequestedItemsThroughOneLinkAndSeesBothSlotsFill() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(
                CaseRequests.with("client.email", "phone-client@example.com"), CaseIntakeRequest.class)),
                Role.INTAKE);
        String url = transactions.execute(s -> links.create(c.getId(), c.getReference(), "COMPANY",
                DocumentRequestItems.firstReason(DocumentGroup.COMPANY), "Ada Analyst", DocumentRequestItems.first(DocumentGroup.COMPANY)))
                .url();
        assertThat(url).as("no public URL set: the link starts with the address Attest was started on")
                .startsWith("http://localhost:" + port + "/portal/upload/");
        Path pdf = Files.createTempFile("registration", ".pdf");
        Files.write(pdf, TestFiles.pdf());
        Path chart = Files.createTempFile("ownership-chart", ".pdf");
        Files.write(chart, TestFiles.pdf());

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url);
        visible(By.id("portal-1"));
        assertThat((Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;"))
                .as("a phone's width").isLessThanOrEqualTo(390L);
        assertThat(visible(By.id("portal-case")).getText()).contains(c.getReference(), "Ada Analyst");
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("nothing wider than the phone").isLessThanOrEqualTo(0L);
        screenshot("portal-phone-top");
        fullPageScreenshot("portal-phone");

        chooseFile("1", pdf);
        type("portal-1-name", "Jane Seller LLC");
        WebElement country = visible(By.cssSelector("#portal-1-issuing-country input"));
        country.sendKeys("United States");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")));
        country.sendKeys(Keys.ENTER);
        click(visible(By.id("portal-1-send")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portal-1-received"), "Received"));

        chooseFile("2", chart);
        type("portal-2-name", "Jane Seller LLC");
        // on a phone the date is picked from the calendar; the test sets what the calendar would
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                visible(By.id("portal-2-dated-on")), LocalDate.now().minusDays(3).toString());
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !document.getElementById('portal-2-send').hasAttribute('disabled');"));
        click(visible(By.id("portal-2-send")));

        visible(By.id("portal-thanks"));
        assertThat(visible(By.id("portal-received")).getText()).contains("Company registration", "Ownership chart");
        screenshot("portal-phone-done");
        assertThat(jdbc.queryForList("select file_name from case_document where case_id = ?", String.class,
                c.getId())).anyMatch(n -> n.startsWith("registration")).anyMatch(n -> n.startsWith("ownership-chart"));
        assertThat(jdbc.queryForObject("select count(*) from client_upload_slot s join client_upload_link l on "
                + "l.id = s.link_id where l.case_id = ? and l.document_group = 'COMPANY' and l.requested_by = "
                + "'Ada Analyst' and s.filled_at is not null", Long.class, c.getId())).isEqualTo(2L);
    }
}
