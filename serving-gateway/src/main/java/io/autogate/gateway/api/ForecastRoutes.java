package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import io.autogate.runtime.forecast.Covariate;
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
        router.get("/v1/models/:ref/forecast/future").handler(keys.predict()).handler(this::future);
    }

    /**
     * {@code GET /v1/models/{ref}/forecast/future?series_id=S&horizon=H}: the rows a forecast from the
     * end of the series' training data needs for its known covariates, one per step with its
     * timestamp and a null per covariate, ready to be filled in and sent back as {@code future}.
     */
    private void future(RoutingContext ctx) {
        ModelRef ref = RouteSupport.ref(ctx, "ref");
        String requestId = RequestIds.of(ctx);
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        String series = ctx.queryParams().get("series_id");
        String steps = ctx.queryParams().get("horizon");
        if (series != null) {
            query.put("series_id", series);
        }
        if (steps != null) {
            query.set("horizon", steps.matches("\\d{1,9}") ? IntNode.valueOf(Integer.parseInt(steps)) : TextNode.valueOf(steps));
        }
        RouteSupport.answerJson(ctx, pool, 200, () -> {
            Forecaster forecaster = forecaster(ctx, ref);
            String seriesId = seriesId(forecaster, query, "");
            int horizon = horizon(query.get("horizon"), "horizon", forecaster.spec().horizon());
            List<String> known = forecaster.spec().knownCovariates().stream().map(Covariate::name).toList();
            List<Map<String, Object>> rows = new ArrayList<>();
            try {
                for (String t : forecaster.futureTimestamps(seriesId, horizon)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("timestamp", t);
                    known.forEach(name -> row.put(name, null));
                    rows.add(row);
                }
            } catch (UnknownSeriesException e) {
                throw ApiException.notFound("series_not_found", e.getMessage());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", ctx.get(RequestTracking.MODEL));
            out.put("request_id", requestId);
            out.put("series_id", seriesId);
            out.put("known_covariates", known);
            out.put("future", rows);
            return out;
        });
    }

    // the forecaster of the version ref resolves to, recorded as the request's model
    private Forecaster forecaster(RoutingContext ctx, ModelRef ref) {
        int version = models.version(ref);
        String id = ref.name() + "@" + version;
        ctx.put(RequestTracking.MODEL, id);
        return forecasters.get(id, key -> forecaster(new ModelRef(ref.name(), version, null)));
    }

    private void answer(RoutingContext ctx, boolean batch) {
        ModelRef ref = RouteSupport.ref(ctx, "ref");
        Json.requireContentType(ctx, "application/json");
        String requestId = RequestIds.of(ctx);
        RouteSupport.answerJson(ctx, pool, 200, () -> {
            JsonNode body = Json.body(ctx);
            Forecaster forecaster = forecaster(ctx, ref);
            String id = ctx.get(RequestTracking.MODEL);
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
        String seriesId = seriesId(forecaster, item, prefix);
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

    // the item's series_id, which may be left out when the model has one series
    private static String seriesId(Forecaster forecaster, JsonNode item, String prefix) {
        JsonNode idNode = item.get("series_id");
        if (idNode == null || idNode.isNull()) {
            if (forecaster.seriesIds().size() != 1) {
                throw ApiException.badRequest("field '" + prefix + "series_id' is required (the model has "
                        + forecaster.seriesIds().size() + " series)");
            }
            return forecaster.seriesIds().get(0);
        }
        if (idNode.isTextual() || idNode.isNumber()) {
            return idNode.asText();
        }
        throw ApiException.badRequest("field '" + prefix + "series_id' must be a string");
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
