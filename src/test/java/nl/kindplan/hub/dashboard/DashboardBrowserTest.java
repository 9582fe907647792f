package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HeldNight;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.domain.Elfproef;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in a real browser: Debian's headless Chromium through chromedriver (both from
 * the {@code chromium} and {@code chromium-driver} packages, which .ci/run installs). The operator
 * logs in through the login form; last night's run shows with its counts and chart; 'Nu draaien' starts a run, whose progress shows while it is
 * held in progress, and then the new run is in the table. Screenshots go to target/:
 * dashboard.png (the laptop screen after the new run), dashboard-voortgang.png (a run in progress),
 * dashboard-run.png (a run's detail), dashboard-kind.png (one child's record), dashboard-409.png (a refused
 * second start, in amber), login.png (the Dutch login page) and dashboard-volledig.png (the whole page).
 * The runs show in their three states: the night with a file refused whole is onvolledig, the one
 * started with 'Nu draaien' geslaagd; the operator is named in the header and signs out at the end.
 */
class DashboardBrowserTest extends DashboardTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        // a laptop with only Java and Maven skips this one test (reported as skipped); CI installs the browser
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium "
                        + "chromium-driver (.ci/run does)");
        // the driver is given: Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("kindplan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=nl-NL", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void lastNightsRunItsChartAndARunStartedWithNuDraaien() throws Exception {
        LocalDate lastNight = LocalDate.now().minusDays(1);
        Night cases = dropNightWithCases(lastNight);
        JsonNode night = new HubApi(http).runNight(lastNight);
        long runId = night.path("runId").asLong();
        // and one of its messages on the dead-letter queue, as after a webhook that kept failing
        deadLetter(jdbc, cases.nooitIngeschreven(), "WEBHOOK", WEBHOOKS.url("/fail"),
                "webhook " + WEBHOOKS.url("/fail") + " failed: HTTP operation failed with statusCode: 500");
        JsonNode row = lastRow();
        assertThat(row.path("runId").asLong()).isEqualTo(runId);

        browser.get("http://127.0.0.1:" + port + "/");
        logInAsOperator();
        wait.until(d -> "ja".equals(d.findElement(By.tagName("body")).getDomAttribute("data-geladen")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gebruiker"), OPERATOR + " · operator"));

        // last night's run, with its counts
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lr-titel"), "Run " + runId));
        assertThat(text("lr-titel")).as("a file was refused whole").contains("onvolledig");
        assertThat(text("lr-redenen")).contains("VERZUIM: 1 bestand(en) geheel afgekeurd");
        assertThat(text("lr-ingelezen")).isEqualTo(String.valueOf(row.path("ingelezen").asLong()));
        assertThat(text("lr-afgekeurd")).isEqualTo(String.valueOf(row.path("afgekeurd").asLong()));
        assertThat(text("lr-gebeurtenissen")).isEqualTo(String.valueOf(row.path("gebeurtenissenTotaal").asLong()));
        WebElement tableRow = browser.findElement(By.cssSelector("#runs tbody tr[data-run-id='" + runId + "']"));
        List<String> cells = tableRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).isEqualTo("#" + runId);
        assertThat(cells.get(3)).isEqualTo("API · " + OPERATOR);
        assertThat(cells.get(4)).isEqualTo("onvolledig");
        assertThat(tableRow.findElement(By.cssSelector(".status.ONVOLLEDIG")).getDomAttribute("title"))
                .contains("geheel afgekeurd");
        assertThat(cells.get(7)).isEqualTo(String.valueOf(row.path("ingelezen").asLong()));
        assertThat(cells.get(9)).as("thuiszitter events")
                .isEqualTo(String.valueOf(row.path("gebeurtenissen").path("THUISZITTER").asLong()));
        assertThat(Long.parseLong(text("thuiszitters"))).isGreaterThanOrEqualTo(1);
        WebElement deadRow = browser.findElement(By.xpath("//table[@id='dlq']//tr[td[text()='"
                + Elfproef.masker(cases.nooitIngeschreven()) + "']]"));
        assertThat(deadRow.getText()).contains("GEMEENTE " + GEMEENTE, "Absoluut verzuim", "500");
        assertThat(deadRow.findElement(By.tagName("button")).getText()).isEqualTo("Opnieuw versturen");
        String page = browser.getPageSource();
        for (String bsn : cases.bsns()) {
            assertThat(page).as("no full BSN on the page").doesNotContain(bsn);
        }

        // the chart: canvases of real size with the runs drawn in their colours
        for (String chart : List.of("grafiek-records", "grafiek-signalen", "grafiek-duur")) {
            WebElement canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
            assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
        }
        assertThat(pixelsOfColour("grafiek-records", "#2f6f8f", "#b5472f"))
                .as("points or lines of the records chart").isGreaterThan(20);
        assertThat(pixelsOfColour("grafiek-duur", "#8a939b")).as("points or lines of the duration chart")
                .isGreaterThan(20);
        assertThat(pixelsOfColour("grafiek-records", "#c48a1c")).as("the amber mark of the onvolledig night")
                .isGreaterThan(20);
        assertThat(pixelsOfColour("grafiek-signalen", "#7b4fa0", "#b5472f", "#c48a1c", "#3f8f6b", "#2f6f8f"))
                .as("points or lines of the signals chart").isGreaterThan(20);
        int point = chartRuns().indexOf(runId);
        assertThat(point).as("one point per run, by its night").isNotNegative();
        assertThat(chartSeries("records", 1).get(point)).as("'Ingelezen' of the run")
                .isEqualTo(row.path("ingelezen").asLong());
        assertThat(chartSeries("signalen.THUISZITTER", 1).get(point)).as("'Thuiszitter' events of the run")
                .isEqualTo(row.path("gebeurtenissen").path("THUISZITTER").asLong());
        assertThat(chartSeries("open.THUISZITTER", 1).get(point)).as("open 'Thuiszitter' cases after the run")
                .isEqualTo(row.path("openZaken").path("THUISZITTER").asLong());
        // no two signals in one plot: a panel each, so series with the same values (0 above all) never overlap
        for (String signal : List.of("THUISZITTER", "ABSOLUUT_VERZUIM", "ZORG_NIET_TOEGEWEZEN", "ZORG_GESTOPT_BIJ_VERZUIM",
                "MATCH")) {
            for (String group : List.of("signalen.", "open.")) {
                assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                        "return window.kindplanGrafiek[arguments[0]].series.length", group + signal)).intValue())
                        .as("%s%s: x and one series", group, signal).isEqualTo(2);
            }
        }
        assertThat(browser.findElements(By.cssSelector("#grafiek-signalen .paneel canvas"))).hasSize(5);
        // the sticky header never covers a row scrolled to
        Number[] tops = ((List<?>) ((JavascriptExecutor) browser).executeScript("""
                const rij = document.querySelector('#runs tbody tr:last-child');
                rij.scrollIntoView();
                return [document.querySelector('.boven').getBoundingClientRect().bottom,
                        rij.getBoundingClientRect().top];""")).toArray(Number[]::new);
        assertThat(tops[1].doubleValue()).as("the row's top below the header's bottom")
                .isGreaterThanOrEqualTo(tops[0].doubleValue());
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        assertThat(chartSeries("records", 0).get(point)).as("x: the run's asOf, at noon UTC")
                .isEqualTo(lastNight.atTime(12, 0).toEpochSecond(java.time.ZoneOffset.UTC));
        // the queues from the broker: the dead letter just put there
        WebElement dlq = browser.findElement(By.cssSelector("#wachtrijen tr[data-queue='kindplan.dlq']"));
        assertThat(Long.parseLong(dlq.findElements(By.tagName("td")).get(1).getText())).isGreaterThanOrEqualTo(1);
        assertThat(dlq.findElements(By.tagName("td")).get(3).getText()).as("with its zone").containsPattern("CES?T");
        // the range control reloads the charts with up to 365 nights
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bereik"))).selectByValue("365");
        wait.until(d -> "365".equals(d.findElement(By.tagName("body")).getDomAttribute("data-bereik")));
        assertThat(chartRuns()).contains(runId);
        tableRow = browser.findElement(By.cssSelector("#runs tbody tr[data-run-id='" + runId + "']"));

        // a run's detail is one click away
        tableRow.click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-detail")));
        assertThat(detail.getText()).contains("Run " + runId, "Per bron", "Gebeurtenissen per signaal", "Verzuim",
                "onvolledig", "Gestart door");
        assertThat(browser.findElement(By.id("rd-redenen")).getText()).contains("VERZUIM: 1 bestand(en) geheel afgekeurd");
        screenshot("dashboard-run.png");
        detail.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("run-detail")));

        // one child's story: the SWV's name beside its code, where each fact came from, a timeline
        browser.findElement(By.id("kind-nummer")).sendKeys(cases.thuiszitterLang());
        browser.findElement(By.cssSelector("#kind-zoeken button")).click();
        WebElement kind = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kind-detail")));
        assertThat(kind.getText()).contains("Tijdlijn", "VO2704 · SWV VO Demo-Regio", "zaak Thuiszitter geopend",
                cases.inschrijvingenFile() + ":2", "gronden: ", "nacht van ", "(run " + runId + ")");
        screenshot("dashboard-kind.png");
        kind.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kind-detail")));

        // 'Nu draaien': the progress shows while the run is held, then the new run is in the table
        try (HeldNight held = HeldNight.beforeDelivery(camel)) {
            browser.findElement(By.id("nu-draaien")).click();
            WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voortgang")));
            held.awaitHeld();
            wait.until(ExpectedConditions.textToBePresentInElement(progress, "is bezig"));
            long newRunId = Long.parseLong(progress.getDomAttribute("data-run-id"));
            assertThat(newRunId).isGreaterThan(runId);
            assertThat(browser.findElement(By.id("nu-draaien")).isEnabled()).as("one run at a time").isFalse();
            screenshot("dashboard-voortgang.png");
            // a second start while this one runs is refused (409): told in amber, not as a success
            ((JavascriptExecutor) browser).executeScript(
                    "const b = document.getElementById('nu-draaien'); b.disabled = false; b.click();");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("melding")));
            wait.until(ExpectedConditions.textToBePresentInElement(refused, "er loopt al een run"));
            assertThat(refused.getDomAttribute("class")).isEqualTo("melding let-op");
            screenshot("dashboard-409.png");
            held.release();

            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("voortgang")));
            WebElement newRow = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#runs tbody tr[data-run-id='" + newRunId + "']")));
            assertThat(newRow.findElements(By.tagName("td")).get(4).getText()).isEqualTo("geslaagd");
            assertThat(newRow.findElements(By.tagName("td")).get(3).getText()).isEqualTo("dashboard · " + OPERATOR);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lr-titel"), "Run " + newRunId));
            assertThat(text("melding")).contains("Run " + newRunId, "geslaagd");
        }
        screenshot("dashboard.png");

        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 40, 4000)));
        screenshot("dashboard-volledig.png");

        // the monthly figures (issue: what SWVs and gemeenten report), from the dashboard's header
        browser.findElement(By.id("naar-cijfers")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tabel tbody tr")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grafiek-signalen canvas")));
        assertThat(browser.findElements(By.cssSelector("#tabel tbody tr"))).as("a row per month").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#tabel thead")).getText()).contains("thuiszitters");
        assertThat(browser.getPageSource()).doesNotContainPattern("(?<![0-9])[0-9]{9}(?![0-9])");
        screenshot("cijfers.png");
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nu-draaien")));

        // signing out ends the session: back on the login page, which says so
        browser.findElement(By.cssSelector("#afmelden button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.cssSelector(".melding")).getText()).isEqualTo("U bent afgemeld.");
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** The newest row of the dashboard's runs, as the API gives it. */
    private JsonNode lastRow() {
        JsonNode runs = new HubApi(http).get("/api/dashboard/runs?max=1");
        return runs.get(runs.size() - 1);
    }

    /** Spring Security's login form, as the tests' operator; then the hub sends the browser back to '/'. */
    private void logInAsOperator() throws IOException {
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).isEqualTo("Aanmelden — Kindplan-hub");
        assertThat(browser.findElement(By.tagName("form")).getText()).contains("Gebruikersnaam", "Wachtwoord");
        screenshot("login.png");
        browser.findElement(By.name("username")).sendKeys(OPERATOR);
        browser.findElement(By.name("password")).sendKeys(OPERATOR_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nu-draaien")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    /** How many pixels of a chart's canvas have about one of these colours ('#rrggbb'). */
    private long pixelsOfColour(String chart, String... colours) {
        Object n = ((JavascriptExecutor) browser).executeScript("""
                const c = document.querySelector('#' + arguments[0] + ' canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const rgb = arguments[1].map(h => [1, 3, 5].map(i => parseInt(h.substr(i, 2), 16)));
                let n = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i + 3] > 200 && rgb.some(([r, g, b]) => Math.abs(d[i] - r) < 12
                      && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12)) n++;
                }
                return n;""", chart, List.of(colours));
        return ((Number) n).longValue();
    }

    /**
     * The values of one series of one of the page's charts, by name ('records', 'duur', 'signalen.THUISZITTER',
     * 'open.THUISZITTER', …), as uPlot holds them.
     */
    @SuppressWarnings("unchecked")
    private List<Long> chartSeries(String chart, int series) {
        List<Object> values = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return window.kindplanGrafiek[arguments[0]].data[arguments[1]]", chart, series);
        return values.stream().map(v -> v == null ? null : ((Number) v).longValue()).toList();
    }

    /** The runs of the charts' points, in order (by night, then run). */
    @SuppressWarnings("unchecked")
    private List<Long> chartRuns() {
        List<Object> ids = (List<Object>) ((JavascriptExecutor) browser).executeScript("return window.kindplanGrafiekRuns");
        return ids.stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** A screenshot of the page from its top, as an operator opens it. */
    private void screenshot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(TARGET);
        Files.write(TARGET.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
