package io.autogate.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * The manifest of one registered model version ({@code manifest.json}): schema, training
 * profile, the members with their pipelines and model files, metrics, the leaderboard of the run,
 * provenance, the SHA-256 of every model file and, optionally, the robustness card of the run
 * ({@code null} for versions trained without one). The registry fills {@code name},
 * {@code version} and {@code files} when it registers a draft. A forecasting model has no
 * members and carries its series and fitted models in {@code forecast} instead (absent in
 * manifests of other models, so older manifests load unchanged). {@code insights} (optional, absent
 * in older manifests) holds the feature importance and the confusion matrix or predicted-vs-actual
 * sample of the final model's out-of-fold predictions.
 */
public record ModelManifest(
        int formatVersion,
        String name,
        int version,
        Schema schema,
        DatasetProfile profile,
        String metric,
        Map<String, Double> metrics,
        List<MemberSpec> members,
        List<Map<String, Object>> leaderboard,
        Provenance provenance,
        Map<String, String> files,
        RobustnessCard robustness,
        @JsonInclude(JsonInclude.Include.NON_NULL) ForecastSpec forecast,
        @JsonInclude(JsonInclude.Include.NON_NULL) InsightCard insights) {

    /** The manifest layout this code writes. */
    public static final int CURRENT_FORMAT = 1;

    public ModelManifest {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        members = List.copyOf(members);
        leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard);
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A manifest without insights. */
    public ModelManifest(int formatVersion, String name, int version, Schema schema, DatasetProfile profile,
            String metric, Map<String, Double> metrics, List<MemberSpec> members,
            List<Map<String, Object>> leaderboard, Provenance provenance, Map<String, String> files,
            RobustnessCard robustness, ForecastSpec forecast) {
        this(formatVersion, name, version, schema, profile, metric, metrics, members, leaderboard, provenance, files,
                robustness, forecast, null);
    }

    /** A manifest of a predictive model without a robustness card. */
    public ModelManifest(int formatVersion, String name, int version, Schema schema, DatasetProfile profile,
            String metric, Map<String, Double> metrics, List<MemberSpec> members,
            List<Map<String, Object>> leaderboard, Provenance provenance, Map<String, String> files) {
        this(formatVersion, name, version, schema, profile, metric, metrics, members, leaderboard, provenance, files,
                null, null, null);
    }

    /** This manifest with a robustness card. */
    public ModelManifest withRobustness(RobustnessCard card) {
        return new ModelManifest(formatVersion, name, version, schema, profile, metric, metrics, members,
                leaderboard, provenance, files, card, forecast, insights);
    }

    /** This manifest with an insight card. */
    public ModelManifest withInsights(InsightCard card) {
        return new ModelManifest(formatVersion, name, version, schema, profile, metric, metrics, members,
                leaderboard, provenance, files, robustness, forecast, card);
    }

    /** True for a forecasting model (served by a {@code Forecaster}, not a {@code Predictor}). */
    public boolean hasForecast() {
        return forecast != null;
    }

    /** This manifest as registered under a name and version with the given file hashes. */
    public ModelManifest registeredAs(String newName, int newVersion, Map<String, String> fileHashes) {
        return new ModelManifest(formatVersion, newName, newVersion, schema, profile, metric, metrics, members,
                leaderboard, provenance, fileHashes, robustness, forecast, insights);
    }
}
