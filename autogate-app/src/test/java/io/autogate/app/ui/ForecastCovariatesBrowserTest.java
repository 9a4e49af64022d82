package io.autogate.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A forecast with a known-in-advance covariate through the demo UI: the covariate is picked on the
 * training form (a bad choice shows the server's message), the trained model records it, the
 * result step says that forecasts need its future values, and the try step lists the steps' times to fill in
 * and takes the values.
 */
class ForecastCovariatesBrowserTest extends BrowserTestBase {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 42;

    /** One daily series whose visits jump on promotion days (every third day), with a sensor reading observed as it happens. */
    private Path promoCsv() throws Exception {
        StringBuilder csv = new StringBuilder("day,promo,footfall,visits\n");
        for (int t = 0; t < DAYS; t++) {
            boolean promo = t % 3 == 0;
            double visits = 100 + (promo ? 60 : 0) + (t % 7) * 2;
            csv.append(START.plusDays(t)).append(',').append(promo ? "yes" : "no").append(',').append(visits * 3 + t % 5)
                    .append(',').append(visits).append('\n');
        }
        Path file = registry.resolveSibling(registry.getFileName() + "-promo.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    /** Picks {@code item} in the vaadin-multi-select-combo-box {@code id}, then closes its list. */
    private void pick(String id, String item) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        waiting(10).until(d -> d.findElements(By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + item
                + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        input.sendKeys(Keys.ESCAPE);
        waiting(10).until(d -> d.findElement(By.id(id)).getText().contains(item));
    }

    /** The items the vaadin-multi-select-combo-box {@code id} offers, read with its list open. */
    private List<String> offered(String id) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        List<String> items = waiting(10).until(d -> {
            List<String> shown = d.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).map(e -> e.getText().strip()).toList();
            return shown.isEmpty() ? null : shown;
        });
        input.sendKeys(Keys.ESCAPE);
        return items;
    }

    @Test
    void aKnownCovariateIsChosenRecordedAndAskedForWhenForecasting() throws Exception {
        Path data = promoCsv();
        try {
            uploadToForecast(data);
            type("horizon", "3");
            type("model-name", "promo");
            assertTrue(textOf("forecast-setup").contains("such as a holiday flag or a planned price"),
                    textOf("forecast-setup"));
            assertEquals(List.of("promo", "footfall"), offered("known-covariates"), "not the target or the time column");
            // a bad choice: the same column both known in advance and past-only; the server says why
            pick("known-covariates", "promo");
            pick("past-covariates", "promo");
            shot("9-covariates-bad", "forecast-setup");
            train(10);
            waitForText("error", "named twice", 30);
            String message = textOf("error");
            assertTrue(message.contains("past_covariates") && !message.contains("Exception"), message);
            assertEquals(0, driver.findElements(By.id("job-status")).stream().filter(WebElement::isDisplayed).count(),
                    "no job started");

            driver.findElement(By.id("past-covariates")).getShadowRoot().findElement(By.cssSelector("[part~='clear-button']"))
                    .click();
            waiting(10).until(d -> !d.findElement(By.id("past-covariates")).getText().contains("promo"));
            shot("9-covariates", "forecast-setup");
            train(10);
            waitForText("job-status", "succeeded", 120);
            waitForText("forecast-needs-future", "reads promo as known in advance", 30);

            HttpResponse<String> model = callGateway("GET", "/v1/models/promo", null);
            assertEquals(200, model.statusCode(), model.body());
            JsonNode forecast = JSON.readTree(model.body()).path("forecast");
            assertEquals("promo", forecast.at("/covariates/0/name").asText(), "the model records the covariate: " + forecast);
            assertEquals("known", forecast.at("/covariates/0/role").asText(), forecast.toString());

            driver.findElement(By.id("deploy")).click();
            waitForText("deployed", "/forecast", 30);
            assertTrue(textOf("try-forecast-needs-future").contains("\"future\""), textOf("try-forecast-needs-future"));
            WebElement future = driver.findElement(By.cssSelector("#try-forecast-future textarea"));
            String prefilled = "timestamp,promo\n" + START.plusDays(DAYS) + ",\n" + START.plusDays(DAYS + 1) + ",\n"
                    + START.plusDays(DAYS + 2) + ",\n";
            waiting(10).until(d -> prefilled.equals(future.getDomProperty("value")));
            future.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            StringBuilder rows = new StringBuilder("timestamp,promo\n");
            for (int t = DAYS; t < DAYS + 3; t++) {
                rows.append(START.plusDays(t)).append(',').append(t % 3 == 0 ? "yes" : "no").append('\n');
            }
            future.sendKeys(rows.toString());
            driver.findElement(By.id("try-forecast-go")).click();
            waitForText("try-forecast-words", "Next values: " + START.plusDays(DAYS) + " about", 30);
            assertTrue(driver.findElement(By.id("try-forecast-chart")).isDisplayed());
            shot("9-covariates-try", "deployed");
        } finally {
            Files.deleteIfExists(data);
        }
    }
}
