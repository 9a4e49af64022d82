package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestIds;
import io.autogate.gateway.http.RequestTracking;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.request.PredictBody;
import io.autogate.gateway.request.PredictResponses;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.onnximport.OnnxImportSpec;
import io.autogate.runtime.onnximport.OnnxImporter;
import io.autogate.runtime.registry.ModelException;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.RegisteredModel;
import io.autogate.runtime.schema.Row;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@code /v1/models} routes: list and describe models, predict with a model reference, move
 * aliases, delete versions and import ONNX models (the last three need the admin key).
 */
public final class ModelRoutes {
    /** TF-Serving's predict paths: a regular expression with named groups, and its template. */
    private static final String[][] TF_SERVING_PREDICT = {
        {"/v1/models/(?<name>[^/:]+):predict", "/v1/models/{name}:predict"},
        {"/v1/models/(?<name>[^/:]+)/versions/(?<version>[^/:]+):predict", "/v1/models/{name}/versions/{version}:predict"},
        {"/v1/models/(?<name>[^/:]+)/labels/(?<label>[^/:]+):predict", "/v1/models/{name}/labels/{label}:predict"},
    };

    private final ModelService models;
    private final InferencePool pool;
    private final GatewayMetrics metrics;
    private final AccessKeys keys;
    private final GatewayConfig config;
    private final BiFunction<String, Integer, List<String>> endpointsUsing;

    /**
     * Routes over these services; {@code endpointsUsing} names the endpoints whose policy uses a
     * model version (deleting it is refused while any does).
     */
    public ModelRoutes(ModelService models, InferencePool pool, GatewayMetrics metrics, AccessKeys keys,
                       GatewayConfig config, BiFunction<String, Integer, List<String>> endpointsUsing) {
        this.models = models;
        this.pool = pool;
        this.metrics = metrics;
        this.keys = keys;
        this.config = config;
        this.endpointsUsing = endpointsUsing;
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        BodyHandler json = RouteSupport.jsonBody(config.bodyLimitBytes());
        // the hottest route first: Vert.x tries routes in the order they were added
        router.post("/v1/models/:ref/predict").handler(keys.predict()).handler(json)
                .handler(ctx -> predict(ctx, RouteSupport.ref(ctx, "ref")));
        // TF-Serving's REST paths, so that its clients work unchanged (":predict" is not a path
        // parameter, hence regular expressions; the names are the templates in metrics and openapi.json)
        for (String[] path : TF_SERVING_PREDICT) {
            router.postWithRegex(path[0]).setName(path[1]).handler(keys.predict()).handler(json)
                    .handler(ctx -> predict(ctx, tfServingRef(ctx)));
        }
        router.get("/v1/models").handler(ctx -> RouteSupport.answerJson(ctx, pool, 200, this::list));
        router.get("/v1/models/:name").handler(ctx -> {
            String name = RouteSupport.name(ctx, "name", "model name");
            RouteSupport.answerJson(ctx, pool, 200, () -> detail(name));
        });
        router.put("/v1/models/:name/aliases/:alias").handler(keys.admin()).handler(json).handler(this::setAlias);
        router.delete("/v1/models/:name/versions/:version").handler(keys.admin()).handler(this::deleteVersion);
        router.post("/v1/models/:name/onnx").handler(keys.admin())
                .handler(BodyHandler.create(config.stateDir().resolve("uploads").toString())
                        .setBodyLimit(config.uploadLimitBytes()).setDeleteUploadedFilesOnEnd(true))
                .handler(this::importOnnx);
    }

    private Object list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegisteredModel m : models.list()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("latest", m.latest());
            entry.put("versions", m.versions());
            entry.put("aliases", m.aliases());
            out.add(entry);
        }
        return Map.of("models", out);
    }

    private Object detail(String name) {
        RegisteredModel registered = models.find(name)
                .orElseThrow(() -> ApiException.notFound("model_not_found", "no model named '" + name + "'"));
        List<Map<String, Object>> versions = new ArrayList<>();
        ModelManifest latest = null;
        for (int v : registered.versions()) {
            ModelManifest m = models.manifest(new ModelRef(name, v, null));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", v);
            entry.put("metric", m.metric());
            entry.put("metrics", m.metrics());
            entry.put("created_at", m.provenance() == null ? null : m.provenance().createdAt());
            entry.put("families", m.members().stream().map(s -> s.family()).distinct().toList());
            versions.add(entry);
            latest = m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("latest", registered.latest());
        out.put("aliases", registered.aliases());
        out.put("versions", versions);
        out.put("schema", SchemaView.of(latest.schema()));
        out.put("provenance", latest.provenance());
        out.put("robustness", latest.robustness());
        out.put("insights", latest.insights());
        out.put("forecast", latest.hasForecast() ? ForecastSummary.of(latest.forecast()) : null);
        return out;
    }

    /**
     * Takes the body on the event loop; parsing, model resolution (loading on first use), scoring
     * and writing the answer's JSON run on the inference pool, never on the event loop, which
     * only sends the answer.
     */
    private void predict(RoutingContext ctx, ModelRef ref) {
        byte[] body = Json.bodyBytes(ctx);
        String requestId = RequestIds.of(ctx);
        RouteSupport.answerJson(ctx, pool, 200, () -> predict(ctx, models.resolve(ref), body, requestId));
    }

    /** The model of a TF-Serving path: a name, with a version or a label (an alias) when given. */
    private static ModelRef tfServingRef(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String version = ctx.pathParam("version");
        String label = ctx.pathParam("label");
        return RouteSupport.ref(version != null ? name + "@" + version : label != null ? name + ":" + label : name);
    }

    private Object predict(RoutingContext ctx, ServedModel served, byte[] body, String requestId) {
        ctx.put(RequestTracking.MODEL, served.id());
        List<Row> rows = PredictBody.read(body).rows(served.model().manifest().schema(), config.maxRowsPerRequest());
        ServedModel.Scored scored = RouteSupport.score(served, rows, metrics);
        return PredictResponses.of(served.model(), requestId, null, null, scored.predictions(), scored.warnings());
    }

    private void setAlias(RoutingContext ctx) {
        String name = RouteSupport.name(ctx, "name", "model name");
        String alias = RouteSupport.name(ctx, "alias", "alias");
        JsonNode body = Json.body(ctx);
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw ApiException.badRequest("body must be {\"version\": N} with N a version number of '" + name + "'");
        }
        RouteSupport.answerJson(ctx, pool, 200, () -> {
            try {
                models.registry().setAlias(name, alias, version.asInt());
            } catch (ModelException e) {
                throw ModelService.translate(e);
            }
            models.invalidate(name);
            return Map.of("name", name, "alias", alias, "version", version.asInt());
        });
    }

    private void deleteVersion(RoutingContext ctx) {
        String name = RouteSupport.name(ctx, "name", "model name");
        int version = RouteSupport.integer(ctx, "version");
        RouteSupport.answerNoContent(ctx, pool, () -> {
            List<String> users = endpointsUsing.apply(name, version);
            if (!users.isEmpty()) {
                throw new ApiException(409, "model_in_use", name + "@" + version + " is served by endpoint(s) "
                        + users + "; change their policy first");
            }
            try {
                models.registry().delete(name, version);
            } catch (ModelException e) {
                throw ModelService.translate(e);
            }
            models.forget(name, version);
        });
    }

    private void importOnnx(RoutingContext ctx) {
        String name = RouteSupport.name(ctx, "name", "model name");
        FileUpload upload = ctx.fileUploads().stream().filter(f -> f.name().equals("model")).findFirst()
                .orElseThrow(() -> ApiException.badRequest(
                        "send multipart/form-data with a file part 'model' (the .onnx file) and a part 'spec' (JSON)"));
        String specText = ctx.request().getFormAttribute("spec");
        if (specText == null || specText.isBlank()) {
            throw ApiException.badRequest("part 'spec' is missing: the JSON import spec (task, target, columns, ...)");
        }
        Path file = Path.of(upload.uploadedFileName());
        RouteSupport.answerJson(ctx, pool, 201, () -> {
            ModelManifest registered;
            try {
                OnnxImportSpec spec = OnnxImportSpec.fromJson(specText);
                registered = models.registry().register(name,
                        new OnnxImporter(config.clock()).fromOnnx(Files.readAllBytes(file), spec));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            models.invalidate(name);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", registered.name());
            out.put("version", registered.version());
            out.put("schema", SchemaView.of(registered.schema()));
            return out;
        });
    }
}
