package fr.observatoire.ia.server.dashboard;

import fr.observatoire.ia.server.stats.TimeGrain;
import fr.observatoire.ia.server.support.ChromiumAvailable;
import fr.observatoire.ia.server.support.StatsProfile;
import fr.observatoire.ia.server.support.StatsTerritory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the server, over declarations sent through the real API: it
 * shows the API's figures and their confidentiality marks, its filters work with the keyboard alone, it fetches
 * nothing from elsewhere, and it exists in English. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(StatsProfile.class)
@ExtendWith(ChromiumAvailable.class)
class DashboardBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String YEAR = TimeGrain.YEAR.format(TimeGrain.YEAR.start(LocalDate.now(ZoneId.of("Europe/Paris"))));
    private static WebDriver browser;
    private static Path profile;

    @TestHTTPResource("/tableau-de-bord")
    URL dashboard;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile.toAbsolutePath());
        // The Debian driver, never one that Selenium Manager would download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.driver().orElseThrow().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void seed() {
        StatsTerritory.seed();
    }

    private void open(String query) {
        browser.get(dashboard + query);
        awaitLoaded();
    }

    private void awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private static JsonPath api(String query) {
        return given().get("/api/v1/stats?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void showsTheFiguresOfTheApiWithTheirConfidentialityMarks() throws IOException {
        open("?departement=06&period=year");

        String usages = browser.findElement(By.cssSelector("#chiffres li[data-measure=usages] strong")).getText();
        JsonPath total = api("measure=usages&departement=06&period=year&from=" + YEAR + "&to=" + YEAR);
        assertThat(usages).isEqualTo(String.valueOf(total.getInt("cells[0].value")));

        WebElement purposes = browser.findElement(By.id("c-purpose"));
        assertThat(purposes.findElements(By.cssSelector("svg rect"))).isNotEmpty();
        assertThat(purposes.getText()).contains("Finalités des usages", "s : secret statistique : moins de 3 collectivités");
        String table = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#c-purpose table').textContent");
        assertThat(table).contains("Rédaction", "secret (moins de 3 collectivités)", "secret (secret induit (protège une autre case))");

        String agents = browser.findElement(By.id("c-incidents")).getText();
        assertThat(agents).contains("Incidents par catégorie et gravité");
        String territory = browser.findElement(By.id("c-territory")).getText();
        assertThat(territory).contains("Adoption par intercommunalité (EPCI)", "CA de la Riviera Française", "Beausoleil");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        screenshot("tableau-de-bord-06");
    }

    @Test
    void nothingComesFromElsewhere() throws IOException {
        open("?period=year");

        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        String origin = dashboard.getProtocol() + "://" + dashboard.getAuthority() + "/";
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
        screenshot("tableau-de-bord-france");
    }

    @Test
    void theFiltersWorkWithTheKeyboardAlone() throws IOException {
        open("?period=year");
        WebElement departement = browser.findElement(By.id("f-departement"));
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 10 && !departement.equals(browser.switchTo().activeElement()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).as("the département filter is reachable with Tab").isEqualTo(departement);

        departement.sendKeys("06");
        assertThat(departement.getAttribute("value")).isEqualTo("06");
        WebElement focused = departement;
        for (int i = 0; i < 4; i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(focused.getAttribute("id")).isEqualTo("f-submit");
        focused.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("departement=06"));
        awaitLoaded();

        assertThat(browser.findElement(By.id("etat")).getText()).contains("06");
        assertThat(browser.findElement(By.id("c-territory")).getText()).contains("CA du Pays de Grasse");
        screenshot("tableau-de-bord-clavier");
    }

    @Test
    void inEnglish() throws IOException {
        open("?lang=en&departement=06&period=year");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Barometer of AI in French local authorities");
        assertThat(browser.findElement(By.id("c-purpose")).getText()).contains("statistical confidentiality: fewer than 3 collectivités");
        assertThat(browser.findElement(By.id("switch-lang")).getText()).isEqualTo("Français");
        screenshot("tableau-de-bord-en");
    }

    /** The whole page: the window is stretched to the document's height first. */
    private static void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 40, 12000)));
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
}
