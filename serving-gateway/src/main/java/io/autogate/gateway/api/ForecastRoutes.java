package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestIds;
import io.autogate.gateway.http.RequestTracking;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.forecast.CovariateRows;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.ForecastRow;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.forecast.UnknownSeriesException;
import io.autogate.runtime.registry.ModelRef;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecasting routes: {@code POST /v1/models/{ref}/forecast} for one series
 * ({@code series_id}, optional {@code horizon}, optional {@code history} of
 * {@code {"timestamp", "value"}} points; optional {@code include_history}: that many of the
 * series' last stored training values come back as {@code history}, for charts) and {@code POST /v1/models/{ref}/forecast/batch} with
 * {@code {"horizon": H, "series": [ {...}, ... ]}} for many. A model with covariates reads each
 * history point's covariate fields ({@code {"timestamp", "value", "Temperature": 21.4, ...}}) and,
 * for known-in-advance covariates, a {@code future} array of {@code {"timestamp", <covariate>: value}}
 * rows covering every forecast step (per series; in a batch, a top-level {@code future} serves the
 * series without their own); a missing future value is a 400 naming the covariate and the first
 * timestamp missing. A model without covariates ignores those fields. Forecasters are cached per model
 * version. Bad fields are 400s naming the field; a series the model does not know and that comes
 * without a history is 404 {@code series_not_found}; a model that does not forecast is 409.
 */
public final class ForecastRoutes {
    /** Most series one batch request may ask for. */
    public static final int MAX_BATCH_SERIES = 10_000;
    /** Most stored history points {@code include_history} may ask for (the stored tail is at most 2,500). */
    public static final int MAX_HISTORY_POINTS = 2_500;

    private final ModelService models;
    private final InferencePool pool;
    private final AccessKeys keys;
    private final GatewayConfig config;
    private final Cache<String, Forecaster> forecasters = Caffeine.newBuilder().maximumSize(64).build();

    /** Routes over these services. */
    public ForecastRoutes(ModelService models, InferencePool pool, AccessKeys keys, GatewayConfig config) {
        this.models = models;
        this.pool = pool;
        this.keys = keys;
        this.config = config;
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        BodyHandler json = RouteSupport.jsonBody(config.bodyLimitBytes());
        router.post("/v1/models/:ref/forecast").handler(keys.predict()).handler(json).handler(ctx -> answer(ctx, false));
        router.post("/v1/models/:ref/forecast/batch").handler(keys.predict()).handler(json).handler(ctx -> answer(ctx, true));
    }

    private void answer(RoutingContext ctx, boolean batch) {
        ModelRef ref = RouteSupport.ref(ctx, "ref");
        Json.requireContentType(ctx, "application/json");
        String requestId = RequestIds.of(ctx);
        RouteSupport.answerJson(ctx, pool, 200, () -> {
            JsonNode body = Json.body(ctx);
            int version = models.version(ref);
            String id = ref.name() + "@" + version;
            ctx.put(RequestTracking.MODEL, id);
            Forecaster forecaster = forecasters.get(id, key -> forecaster(new ModelRef(ref.name(), version, null)));
            int defaultHorizon = batch ? horizon(body.get("horizon"), "horizon", forecaster.spec().horizon())
                    : forecaster.spec().horizon();
            List<ForecastResult> results = new ArrayList<>();
            if (batch) {
                JsonNode series = body.get("series");
                if (series == null || !series.isArray() || series.isEmpty()) {
                    throw ApiException.badRequest("field 'series' must be a non-empty array of {series_id, history?}");
                }
                if (series.size() > MAX_BATCH_SERIES) {
                    throw ApiException.badRequest("field 'series' has " + series.size() + " items; at most " + MAX_BATCH_SERIES);
                }
                CovariateRows shared = CovariateFields.future(forecaster.spec(), body.get("future"), "future");
                for (int i = 0; i < series.size(); i++) {
                    results.add(one(forecaster, series.get(i), "series[" + i + "].", defaultHorizon, shared));
                }
            } else {
                results.add(one(forecaster, body, "", defaultHorizon, CovariateRows.NONE));
            }
            List<Map<String, Object>> views = results.stream().map(ForecastRoutes::view).toList();
            int historyPoints = batch ? 0 : historyPoints(body);
            if (historyPoints > 0) {
                views.get(0).put("history", forecaster.history(results.get(0).seriesId(), historyPoints));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", id);
            out.put("request_id", requestId);
            out.put("series", views);
            return out;
        });
    }

    private Forecaster forecaster(ModelRef ref) {
        ModelManifest manifest = models.manifest(ref);
        if (!manifest.hasForecast()) {
            throw new ApiException(409, "not_a_forecast_model", "model " + ref + " is not a forecasting model; use predict");
        }
        return new Forecaster(manifest.forecast());
    }

    private static ForecastResult one(Forecaster forecaster, JsonNode item, String prefix, int defaultHorizon,
            CovariateRows sharedFuture) {
        if (item == null || !item.isObject()) {
            throw ApiException.badRequest((prefix.isEmpty() ? "the body" : "field '" + prefix.substring(0, prefix.length() - 1) + "'")
                    + " must be a JSON object");
        }
        JsonNode idNode = item.get("series_id");
        String seriesId;
        if (idNode == null || idNode.isNull()) {
            if (forecaster.seriesIds().size() != 1) {
                throw ApiException.badRequest("field '" + prefix + "series_id' is required (the model has "
                        + forecaster.seriesIds().size() + " series)");
            }
            seriesId = forecaster.seriesIds().get(0);
        } else if (idNode.isTextual() || idNode.isNumber()) {
            seriesId = idNode.asText();
        } else {
            throw ApiException.badRequest("field '" + prefix + "series_id' must be a string");
        }
        int horizon = horizon(item.get("horizon"), prefix + "horizon", defaultHorizon);
        JsonNode history = item.get("history");
        JsonNode futureNode = item.get("future");
        CovariateRows future = futureNode == null || futureNode.isNull() ? sharedFuture
                : CovariateFields.future(forecaster.spec(), futureNode, prefix + "future");
        try {
            if (history == null || history.isNull()) {
                return forecaster.forecast(seriesId, horizon, future);
            }
            if (!history.isArray() || history.isEmpty()) {
                throw ApiException.badRequest("field '" + prefix + "history' must be a non-empty array of {timestamp, value}");
            }
            List<String> stamps = new ArrayList<>(history.size());
            double[] values = new double[history.size()];
            for (int i = 0; i < history.size(); i++) {
                String at = prefix + "history[" + i + "]";
                JsonNode point = history.get(i);
                JsonNode t = point.get("timestamp");
                JsonNode v = point.get("value");
                if (t == null || !t.isTextual()) {
                    throw ApiException.badRequest("field '" + at + ".timestamp' must be a string");
                }
                if (v == null || !(v.isNumber() || v.isNull())) {
                    throw ApiException.badRequest("field '" + at + ".value' must be a number or null");
                }
                stamps.add(t.asText());
                values[i] = v.isNull() ? Double.NaN : v.asDouble();
            }
            return forecaster.forecast(seriesId, horizon, stamps, values,
                    CovariateFields.history(forecaster.spec(), history, prefix + "history"), future);
        } catch (UnknownSeriesException e) {
            throw ApiException.notFound("series_not_found", e.getMessage());
        } catch (DateTimeException | IllegalArgumentException e) {
            throw ApiException.badRequest(prefix.isEmpty() ? e.getMessage() : prefix.substring(0, prefix.length() - 1) + ": "
                    + e.getMessage());
        }
    }

    /** The {@code include_history} of a single-series request: 0 when absent. */
    private static int historyPoints(JsonNode body) {
        JsonNode node = body.get("include_history");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > MAX_HISTORY_POINTS) {
            throw ApiException.badRequest("field 'include_history' must be an integer from 0 to " + MAX_HISTORY_POINTS);
        }
        JsonNode given = body.get("history");
        if (node.asInt() > 0 && given != null && !given.isNull()) {
            throw ApiException.badRequest("field 'include_history' returns the stored training history; it cannot be"
                    + " combined with 'history'");
        }
        return node.asInt();
    }

    private static int horizon(JsonNode node, String field, int defaultHorizon) {
        if (node == null || node.isNull()) {
            return defaultHorizon;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > Forecaster.MAX_HORIZON) {
            throw ApiException.badRequest("field '" + field + "' must be an integer from 1 to " + Forecaster.MAX_HORIZON);
        }
        return node.asInt();
    }

    private static Map<String, Object> view(ForecastResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series_id", r.seriesId());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ForecastRow row : r.rows()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("timestamp", row.timestamp());
            step.put("prediction", row.prediction());
            step.put("lower_80", row.lower80());
            step.put("upper_80", row.upper80());
            step.put("lower_95", row.lower95());
            step.put("upper_95", row.upper95());
            steps.add(step);
        }
        out.put("forecast", steps);
        out.put("notes", r.notes());
        return out;
    }
}
