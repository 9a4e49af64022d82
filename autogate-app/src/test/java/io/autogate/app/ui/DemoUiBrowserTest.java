package io.autogate.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.app.training.EngineTrainingService;
import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.autogate.ui.DemoUiServer;
import io.autogate.ui.UiSettings;
import io.vertx.core.Vertx;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo UI in headless Chromium against a real gateway with the engine plugged in: upload a
 * public dataset, train, read the leaderboard and the plain-words verdict, deploy, predict through
 * the generated form; and a bad upload's message. Screenshots go to target/screenshots.
 */
class DemoUiBrowserTest {
    static final String KEY = "browser-test-key";
    static final Path IRIS = Path.of("../../shared/datasets/classification/iris.csv").toAbsolutePath().normalize();
    static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path registry;
    @TempDir
    Path browserProfile;
    Vertx vertx;
    Gateway gateway;
    EngineTrainingService training;
    DemoUiServer ui;
    ChromeDriver driver;

    private void startGateway(int port) throws Exception {
        training = new EngineTrainingService(registry, 1 << 20, 2, Clock.systemUTC());
        gateway = Gateway.start(vertx, GatewayConfig.builder(registry).address("127.0.0.1", port).keys(KEY, null).build(),
                AccessLog.discarding(), training).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void stopGateway() throws Exception {
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

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void open() {
        driver.get("http://127.0.0.1:" + ui.port() + "/");
        waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    }

    private void uploadFile(String id, Path file) {
        WebElement upload = driver.findElement(By.id(id));
        WebElement input = upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                .orElseGet(() -> upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private void shot(String name, String scrollTo) throws Exception {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id(scrollTo)));
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void waitForText(String id, String part, int seconds) {
        waiting(seconds).until(d -> {
            var found = d.findElements(By.id(id));
            return !found.isEmpty() && found.get(0).getText().contains(part);
        });
    }

    /** The page's push channel is a websocket the server accepted (HTTP 101), not long-polling. */
    private void assertPushedOverWebsocket() {
        List<String> handshakes = driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Network.webSocketHandshakeResponseReceived")).toList();
        assertTrue(handshakes.stream().anyMatch(m -> m.contains("\"status\":101")), handshakes.toString());
    }

    @Test
    void uploadTrainDeployAndPredictInTheBrowser() throws Exception {
        open();
        shot("1-upload", "upload");
        uploadFile("upload", IRIS);
        waitForText("task", "predict a category", 30);
        shot("2-data", "preview");
        WebElement budget = driver.findElement(By.cssSelector("#budget input"));
        budget.clear();
        budget.sendKeys("8");
        driver.findElement(By.id("train")).click();
        waitForText("job-status", "running", 30);
        waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("best-chart")));
        shot("3-training", "job-status");
        waitForText("job-status", "succeeded", 120);
        assertPushedOverWebsocket();
        waitForText("verdict", "times in 100", 10);
        waitForText("robustness", "How it holds up on data unlike its training rows", 10);
        assertTrue(driver.getCurrentUrl().contains("job="), driver.getCurrentUrl());
        String board = textOf("leaderboard");
        assertTrue(board.contains("OK"), board);
        shot("4-result", "leaderboard");
        driver.findElement(By.id("deploy")).click();
        waitForText("deployed", "Deployed", 30);
        driver.findElement(By.id("predict")).click();
        waitForText("prediction", "Prediction: setosa", 30);
        assertTrue(textOf("prediction").contains("%"), textOf("prediction"));
        shot("5-try", "deployed");
        uploadFile("batch-upload", IRIS);
        waiting(30).until(d -> d.findElement(By.id("scored-download")).isDisplayed());
        String href = driver.findElement(By.id("scored-download")).getAttribute("href");
        assertTrue(href != null && href.startsWith("http://127.0.0.1:" + ui.port() + "/"), String.valueOf(href));
        waitForText("monitor", "1 requests", 20);
        shot("6-monitor", "monitor");
    }

    @Test
    void reopeningAJobAfterARestartShowsItsResult() throws Exception {
        open();
        uploadFile("upload", IRIS);
        waitForText("task", "predict a category", 30);
        WebElement budget = driver.findElement(By.cssSelector("#budget input"));
        budget.clear();
        budget.sendKeys("5");
        driver.findElement(By.id("train")).click();
        waitForText("job-status", "succeeded", 120);
        String page = driver.getCurrentUrl();
        int port = gateway.port();
        stopGateway();
        startGateway(port);
        driver.get("about:blank");
        driver.get(page);
        waitForText("job-status", "succeeded", 30);
        waitForText("verdict", "times in 100", 30);
        assertTrue(textOf("leaderboard").contains("OK"), textOf("leaderboard"));
        shot("after-restart", "verdict");
    }

    @Test
    void aBadFileGetsAFriendlyMessage() throws Exception {
        open();
        Path bad = registry.resolveSibling(registry.getFileName() + "-notes.csv");
        Files.writeString(bad, "these are just some words\nnot a table at all\n");
        try {
            uploadFile("upload", bad);
            waitForText("error", "That file could not be used", 30);
            String message = textOf("error");
            assertTrue(message.contains("CSV"), message);
            assertTrue(!message.contains("Exception") && !message.contains(".java"), message);
            shot("bad-file", "error");
        } finally {
            Files.deleteIfExists(bad);
        }
    }
}
