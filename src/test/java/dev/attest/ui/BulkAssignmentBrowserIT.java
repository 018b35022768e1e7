package dev.attest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * A manager selects three tasks in the task list and gives them to an analyst with the bulk bar; the analyst then
 * finds them in "My tasks" and the three assignments behind the bell. In a real browser (headless Chromium); skipped where it is not installed unless
 * {@code ATTEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BulkAssignmentBrowserIT {

    static WebDriver driver;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService taskService;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = HeadlessChromium.start(1400, 1000);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        WebElement password = visible(By.cssSelector("#vaadinLoginPassword input"));
        password.sendKeys("demo");
        password.sendKeys(Keys.ENTER);
        visible(By.id("current-user"));
    }

    /** A case of a client with this name whose document waits for review: its reference. */
    String caseOf(String client) {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(
                CaseRequests.with("client.fullName", client), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", client, null, "US", null, "2031-01-01")), Role.INTAKE);
        return c.getReference();
    }

    /**
     * Shows only the tasks of the clients with this name, and waits until the grid lists exactly these cases: every
     * case on the grid is one of them. Seeing them on the grid is not enough, as the unfiltered list may show them
     * too: the search field sends its text 400 ms after the last key (lazy), and the list it then shows is a new
     * list, whose selection starts empty; a row ticked before that is a row of the old list.
     */
    void search(String text, List<String> references) {
        WebElement search = visible(By.cssSelector("#task-search input"));
        search.clear();
        search.sendKeys(text);
        wait.until(d -> {
            Matcher cases = CASE_REFERENCE.matcher(d.findElement(By.id("tasks")).getText());
            Set<String> listed = new HashSet<>();
            while (cases.find()) {
                listed.add(cases.group());
            }
            return listed.equals(Set.copyOf(references));
        });
    }

    static final Pattern CASE_REFERENCE = Pattern.compile("CASE-\\d{4}-\\d+");

    @Test
    void aManagerGivesThreeTasksToAnAnalystWhoSeesThemInMyTasksAndIsNotified() throws Exception {
        String client = "Bulkington Marsh";
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(caseOf(client));
        }

        login("manager");
        visible(By.id("tasks"));
        search("Bulkington", references);
        // the selection column's checkboxes of the three rows (a lazy grid has no "select all")
        wait.until(d -> d.findElements(By.cssSelector("#tasks vaadin-checkbox")).stream()
                .filter(WebElement::isDisplayed).count() >= 3);
        // tick the rows one at a time, top down, as a user does: the first unticked checkbox on screen below the
        // header (the grid recycles its row elements, so each is found again after the one before was counted)
        for (int ticked = 1; ticked <= 3; ticked++) {
            WebElement box = (WebElement) ((JavascriptExecutor) driver).executeScript(
                    "const g = document.getElementById('tasks'); const top = g.getBoundingClientRect().top + 40;"
                            + "return [...g.querySelectorAll('vaadin-checkbox')].filter(b => {"
                            + " const r = b.getBoundingClientRect();"
                            + " return r.width > 0 && r.height > 0 && r.top > top && !b.checked; })"
                            + ".sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];");
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", box);
            String expected = ticked == 1 ? "1 task selected" : ticked + " tasks selected";
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selected"), expected));
        }
        assertThat(driver.findElements(By.cssSelector("#tasks vaadin-checkbox[checked]")))
                .as("the three rows stay ticked").hasSize(3);
        WebElement picker = visible(By.cssSelector("#bulk-assignee input"));
        picker.click();
        picker.sendKeys("Ana Lyst");
        WebElement item;
        try {
            item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains("Ana Lyst (analyst)")).findFirst()
                    .orElse(null));
        } finally {
            HeadlessChromium.screenshot(driver, "bulk-01-picker");
        }
        item.click();
        wait.until(d -> d.findElement(By.id("bulk-assign")).getAttribute("disabled") == null);
        HeadlessChromium.screenshot(driver, "bulk-02-three-selected");
        visible(By.id("bulk-assign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"),
                "3 tasks given to Ana Lyst."));
        HeadlessChromium.screenshot(driver, "bulk-03-given");
        for (String reference : references) {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult()
                    .getAssignee()).isEqualTo("analyst");
        }

        login("analyst");
        visible(By.id("tab-mine"));
        assertThat(driver.findElement(By.id("tab-mine")).getAttribute("selected")).as("My tasks").isNotNull();
        search("Bulkington", references);
        HeadlessChromium.screenshot(driver, "bulk-04-my-tasks");
        String mine = driver.findElement(By.id("tasks")).getText();
        assertThat(references).allMatch(mine::contains);

        // the bell in the layout counts the unread notifications, the three assignments among them
        WebElement count = visible(By.id("notification-count"));
        assertThat(Integer.parseInt(count.getText().replace("+", ""))).isGreaterThanOrEqualTo(3);
        visible(By.id("notification-bell")).click();
        WebElement inbox = visible(By.tagName("vaadin-dialog-overlay"));
        wait.until(d -> references.stream().allMatch(r -> inbox.getText()
                .contains("Mia Manager gave you \"Review passport\" on " + r)));
        assertThat(inbox.getText()).contains("Task assigned to you");
        HeadlessChromium.screenshot(driver, "bulk-05-bell");
    }
}
