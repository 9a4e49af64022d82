package io.autogate.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.app.training.EngineTrainingService;
import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.autogate.ui.DemoUiServer;
import io.autogate.ui.UiSettings;
import io.vertx.core.Vertx;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: before each test a real gateway with the engine plugged in (on
 * loopback, port 0, a temporary registry), the demo UI in front of it and headless Chromium
 * (Debian's chromium and chromedriver); after it all three are stopped. The helpers open the page,
 * upload files, fill and read elements by id, call the gateway over HTTP and save screenshots to
 * target/screenshots.
 */
abstract class BrowserTestBase {
    static final String KEY = "browser-test-key";
    static final Path IRIS = Path.of("../../shared/datasets/classification/iris.csv").toAbsolutePath().normalize();
    static final Path SALES = Path.of("../samples/sales.csv").toAbsolutePath().normalize();
    static final Path SHOTS = Path.of("target/screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path registry;
    @TempDir
    Path browserProfile;
    Vertx vertx;
    Gateway gateway;
    EngineTrainingService training;
    DemoUiServer ui;
    ChromeDriver driver;

    void startGateway(int port) throws Exception {
        training = new EngineTrainingService(registry, 1 << 20, 2, Clock.systemUTC());
        gateway = Gateway.start(vertx, GatewayConfig.builder(registry).address("127.0.0.1", port).keys(KEY, null).build(),
                AccessLog.discarding(), training).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    void stopGateway() throws Exception {
        training.close();
        gateway.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        startGateway(0);
        ui = DemoUiServer.start("127.0.0.1", 0, new UiSettings(URI.create("http://127.0.0.1:" + gateway.port()), KEY,
                Path.of("../samples"), 1 << 20));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + browserProfile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        ui.close();
        stopGateway();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    WebDriverWait waiting(int seconds) {
        // the monitor is rebuilt on every refresh: an element read as it is replaced is read again
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page, uploads {@code file} and ticks the offer to forecast. */
    void uploadToForecast(Path file) throws Exception {
        open();
        uploadFile("upload", file);
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("forecast-task")));
        driver.findElement(By.id("forecast-task")).click();
        waitForText("task", "forecast what comes next", 10);
    }

    /** Replaces the text of the input inside the field {@code id}; the input, for more keys. */
    WebElement type(String id, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        return input;
    }

    /** Opens the page; when it does not come up, its source is saved as target/screenshots/open-failed.html. */
    void open() throws Exception {
        driver.get("http://127.0.0.1:" + ui.port() + "/");
        try {
            waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
        } catch (TimeoutException e) {
            Files.writeString(SHOTS.resolve("open-failed.html"), driver.getPageSource());
            throw e;
        }
    }

    void uploadFile(String id, Path file) {
        WebElement upload = driver.findElement(By.id(id));
        WebElement input = upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                .orElseGet(() -> upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    void shot(String name, String scrollTo) throws Exception {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id(scrollTo)));
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Stops the gateway, starts it again on the same port and registry, and opens {@code page} afresh. */
    void restartGatewayAndReopen(String page) throws Exception {
        int port = gateway.port();
        stopGateway();
        startGateway(port);
        driver.get("about:blank");
        driver.get(page);
    }

    String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void waitForText(String id, String part, int seconds) {
        waiting(seconds).until(d -> {
            var found = d.findElements(By.id(id));
            return !found.isEmpty() && found.get(0).getText().contains(part);
        });
    }

    /** The page's push channel is a websocket the server accepted (HTTP 101), not long-polling. */
    void assertPushedOverWebsocket() {
        List<String> handshakes = driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Network.webSocketHandshakeResponseReceived")).toList();
        assertTrue(handshakes.stream().anyMatch(m -> m.contains("\"status\":101")), handshakes.toString());
    }

    /** Picks {@code item} in the vaadin-select {@code id}. */
    void choose(String id, String item) {
        driver.findElement(By.id(id)).click();
        // every select on the page has its items in the DOM; the open one's are the visible ones
        waiting(10).until(d -> d.findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + item + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        waiting(10).until(d -> d.findElement(By.id(id)).getText().contains(item));
    }

    void train(int seconds) {
        WebElement budget = driver.findElement(By.cssSelector("#budget input"));
        budget.clear();
        budget.sendKeys(Integer.toString(seconds));
        driver.findElement(By.id("train")).click();
    }

    HttpResponse<String> callGateway(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
