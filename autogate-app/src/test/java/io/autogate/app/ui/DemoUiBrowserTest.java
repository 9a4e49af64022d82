package io.autogate.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
        // the monitor is rebuilt on every refresh: an element read as it is replaced is read again
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
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

    /** Stops the gateway, starts it again on the same port and registry, and opens {@code page} afresh. */
    private void restartGatewayAndReopen(String page) throws Exception {
        int port = gateway.port();
        stopGateway();
        startGateway(port);
        driver.get("about:blank");
        driver.get(page);
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
        // the understand step's charts, drawn from the model's insight card, each with its sentence
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("importance-chart")));
        assertTrue(driver.findElement(By.id("confusion-chart")).getAttribute("src").startsWith("data:image/svg+xml"));
        assertTrue(textOf("importance-words").contains("The model leans most on petal"), textOf("importance-words"));
        assertTrue(textOf("confusion-words").contains("of 100"), textOf("confusion-words"));
        shot("4-charts", "importance-chart");
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

    /** Picks {@code item} in the vaadin-select {@code id}. */
    private void choose(String id, String item) {
        driver.findElement(By.id(id)).click();
        // every select on the page has its items in the DOM; the open one's are the visible ones
        waiting(10).until(d -> d.findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + item + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        waiting(10).until(d -> d.findElement(By.id(id)).getText().contains(item));
    }

    private void train(int seconds) {
        WebElement budget = driver.findElement(By.cssSelector("#budget input"));
        budget.clear();
        budget.sendKeys(Integer.toString(seconds));
        driver.findElement(By.id("train")).click();
    }

    private void deploy(String policy) {
        choose("policy", policy);
        List<WebElement> before = driver.findElements(By.id("predict"));
        driver.findElement(By.id("deploy")).click();
        if (!before.isEmpty()) {
            waiting(30).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        waitForText("deployed", "Deployed", 30);
    }

    private void predictTimes(int n) {
        for (int i = 0; i < n; i++) {
            driver.findElement(By.id("predict")).click();
            waitForText("prediction", "Prediction: ", 30);
        }
    }

    /** Every row of {@code csv} (its last column left out) in one predict request to the endpoint, as an application would. */
    private void predictOverHttp(String endpoint, Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rows = body.putArray("rows");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            ObjectNode row = rows.addObject();
            for (int c = 0; c < header.length - 1; c++) {
                row.put(header[c], cells[c]);
            }
        }
        HttpResponse<String> r = callGateway("POST", "/v1/endpoints/" + endpoint + "/predict", body.toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private HttpResponse<String> callGateway(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shadowAbAndCanaryPoliciesThroughTheFormsShowUpInTheMonitor() throws Exception {
        open();
        uploadFile("upload", IRIS);
        waitForText("task", "predict a category", 30);
        train(5);
        waitForText("verdict", "iris@1 is ready", 120);
        // a second version, with one column's type set in the upload step: sepal_width as a category
        choose("type-sepal_width", "categorical");
        train(5);
        waitForText("verdict", "iris@2 is ready", 120);
        assertTrue(textOf("policy-explained").startsWith("Single"), textOf("policy-explained"));

        deploy("shadow");
        assertTrue(textOf("policy-explained").startsWith("Shadow"), textOf("policy-explained"));
        waiting(10).until(d -> d.findElement(By.id("field-sepal_width")).getText().contains("categorical"));
        predictTimes(3);
        waitForText("shadow", "gave the same answer as the model answering on 3 of 3 requests", 30);
        waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("shadow-chart")));
        shot("monitor-shadow", "shadow");

        deploy("ab");
        predictTimes(6);
        waitForText("monitor", "Arm b (iris@2)", 30);
        waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("arm-split-chart")));
        assertTrue(textOf("monitor").contains("Arm a (iris@1)"), textOf("monitor"));
        shot("monitor-ab", "monitor");

        deploy("canary");
        predictTimes(2);
        waitForText("canary", "The new model answers 5% of requests (step 1 of 4", 30);
        waitForText("canary-history", "started, 0% to 5% of requests", 10);
        // an application sends the training rows through the endpoint: enough rows to judge drift
        predictOverHttp("iris", IRIS);
        String drift = callGateway("GET", "/v1/endpoints/iris/drift", null).body();
        try {
            waiting(30).until(d -> d.findElements(By.cssSelector("[id^=drift-]")).stream()
                    .anyMatch(e -> e.getText().contains("requests checked") || e.getText().contains("have shifted")));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("monitor-canary-failed", "canary");
            throw new AssertionError("no drift verdict on the page; the gateway says " + drift, e);
        }
        waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=drift-chart-]")));
        shot("monitor-canary", "canary");
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
        restartGatewayAndReopen(page);
        waitForText("job-status", "succeeded", 30);
        waitForText("verdict", "times in 100", 30);
        assertTrue(textOf("leaderboard").contains("OK"), textOf("leaderboard"));
        shot("after-restart", "verdict");
    }

    @Test
    void aJobARestartCutShortIsShownInterruptedAndCanBeTrainedAgain() throws Exception {
        open();
        uploadFile("upload", IRIS);
        waitForText("task", "predict a category", 30);
        train(15);
        waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("best-chart")));
        String page = driver.getCurrentUrl();
        restartGatewayAndReopen(page);
        waitForText("job-status", "interrupted", 30);
        assertTrue(textOf("error").contains("cut short"), textOf("error"));
        assertTrue(textOf("leaderboard").contains("OK"), "the models tried so far are kept: " + textOf("leaderboard"));
        shot("interrupted", "job-status");
        driver.findElement(By.id("train-again")).click();
        waitForText("job-status", "running", 30);
        waitForText("verdict", "iris@1 is ready", 120);
        assertTrue(!driver.getCurrentUrl().equals(page), "the address follows the new job: " + driver.getCurrentUrl());
    }

    @Test
    void forecastAndTryASeriesInTheBrowser() throws Exception {
        open();
        uploadFile("upload", SALES);
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("forecast-task")));
        driver.findElement(By.id("forecast-task")).click();
        waitForText("task", "forecast what comes next", 10);
        WebElement series = driver.findElement(By.cssSelector("#series-column input"));
        series.sendKeys(Keys.chord(Keys.CONTROL, "a"), "store");
        series.sendKeys(Keys.ENTER);
        WebElement horizon = driver.findElement(By.cssSelector("#horizon input"));
        horizon.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6");
        WebElement budget = driver.findElement(By.cssSelector("#budget input"));
        budget.clear();
        budget.sendKeys("6");
        shot("7-forecast-data", "forecast-setup");
        driver.findElement(By.id("train")).click();
        waitForText("job-status", "succeeded", 120);
        assertPushedOverWebsocket();
        String page = driver.getCurrentUrl();
        waitForText("verdict", "MASE", 10);
        assertTrue(textOf("verdict").contains("seasonal rule itself scored"), textOf("verdict"));
        waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("forecast-chart")));
        assertTrue(driver.findElement(By.id("forecast-chart")).getAttribute("src").startsWith("data:image/svg+xml"));
        assertTrue(textOf("leaderboard").contains("ets"), textOf("leaderboard"));
        shot("7-forecast-result", "verdict");
        driver.findElement(By.id("deploy")).click();
        waitForText("deployed", "/forecast", 30);
        driver.findElement(By.id("try-forecast-go")).click();
        waitForText("try-forecast-words", "Next values of harbor: 2025-01 about", 30);
        assertTrue(driver.findElement(By.id("try-forecast-chart")).isDisplayed());
        shot("8-forecast-try", "deployed");
        // the forecast job is kept across a restart: reopening it shows its result and chart again
        restartGatewayAndReopen(page);
        waitForText("job-status", "succeeded", 30);
        waitForText("verdict", "MASE", 30);
        waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("forecast-chart")));
        assertTrue(textOf("leaderboard").contains("ets"), textOf("leaderboard"));
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
