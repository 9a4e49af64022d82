package io.autogate.engine.train;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.search.FinalMember;
import io.autogate.engine.search.Leaderboard;
import io.autogate.engine.search.SearchOutcome;
import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.predict.FittedFold;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished search into a registrable {@link ModelArtifact}: one member per final trial
 * with each fold's pipeline and model file ({@code m<member>_f<fold>.bin}), the out-of-fold
 * metrics, the leaderboard, the provenance, the insight card and, when checks ran, the robustness card.
 */
public final class ArtifactAssembler {
    private ArtifactAssembler() {
    }

    /** The artifact draft; {@code settings} are recorded verbatim in the provenance. */
    public static ModelArtifact assemble(Dataset data, String dataFile, SearchOutcome outcome, long seed,
            Map<String, Object> settings, Clock clock) {
        List<MemberSpec> members = new ArrayList<>();
        Map<String, NumericModel> models = new LinkedHashMap<>();
        for (int m = 0; m < outcome.members().size(); m++) {
            FinalMember member = outcome.members().get(m);
            List<FoldSpec> folds = new ArrayList<>();
            for (int f = 0; f < member.folds().size(); f++) {
                FittedFold fold = member.folds().get(f);
                String file = "m" + m + "_f" + f + ".bin";
                folds.add(new FoldSpec(fold.pipeline(), file, fold.model().formatId()));
                models.put(file, fold.model());
            }
            members.add(new MemberSpec(member.trial().candidate().family(), member.trial().candidate().params(),
                    member.trial().candidate().seed(), member.weight(), folds));
        }
        Map<String, Object> recorded = new LinkedHashMap<>(settings);
        recorded.put("validation", outcome.validation());
        recorded.put("final_fit", outcome.finalFit());
        Provenance provenance = new Provenance(data.sha256(), dataFile, data.size(), seed, recorded,
                BuildInfo.libraries(), BuildInfo.jvm(), BuildInfo.gitCommit(), BuildInfo.autogateVersion(),
                clock.instant().toString());
        ModelManifest manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, data.schema(), data.profile(),
                outcome.metric().id(), outcome.metrics(), members, Leaderboard.rows(outcome), provenance, Map.of());
        if (outcome.robustness() != null) {
            manifest = manifest.withRobustness(outcome.robustness().card());
        }
        if (outcome.insights() != null) {
            manifest = manifest.withInsights(outcome.insights());
        }
        return new ModelArtifact(manifest, models);
    }
}
