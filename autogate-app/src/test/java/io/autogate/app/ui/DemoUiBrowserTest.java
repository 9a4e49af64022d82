package io.autogate.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo UI in headless Chromium against a real gateway with the engine plugged in: upload a
 * public dataset, train, read the leaderboard and the plain-words verdict, deploy, predict through
 * the generated form; and a bad upload's message. Screenshots go to target/screenshots.
 */
class DemoUiBrowserTest extends BrowserTestBase {
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
        } catch (TimeoutException e) {
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
        uploadToForecast(SALES);
        type("series-column", "store").sendKeys(Keys.ENTER);
        type("horizon", "6");
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
        assertTrue(textOf("job-status").contains("fits done"), textOf("job-status"));
        assertTrue(driver.findElement(By.id("best-chart")).getAttribute("src").startsWith("data:image/svg+xml"),
                "the forecast's best backtest MASE over time is drawn");
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
