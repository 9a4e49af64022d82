package io.autogate.engine.family.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import io.autogate.runtime.model.tribuo.XGBoostBinaryConverter;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains a two-class Tribuo {@link XGBoostModel} with XGBoost's {@code binary:logistic}
 * objective: one tree per boosting round, where Tribuo's {@code XGBoostClassificationTrainer}
 * always trains {@code multi:softprob} with {@code num_class} trees per round. Each example's
 * label is its Tribuo output id (0 or 1), so the booster predicts the probability of output id
 * 1, and the model carries an {@link XGBoostBinaryConverter} that turns it into both classes'
 * probabilities.
 *
 * <p>The XGBoost parameters are passed through as given (Tribuo's raw parameter map, recorded in
 * the trainer provenance), with {@code objective} set to {@code binary:logistic}; no
 * {@code num_class} is set. Unless the parameters give one, {@code base_score} is set per
 * training call to the (weighted) share of examples with output id 1, so boosting starts from
 * the class prior instead of 0.5, as LightGBM's {@code boost_from_average} and XGBoost 2's
 * estimated intercept do; it is saved in the booster. The dataset must hold exactly two labels.
 * No early stopping, as in Tribuo. Training is synchronized per trainer instance, like Tribuo's
 * trainers.
 */
final class XGBoostBinaryTrainer extends XGBoostTrainer<Label> {
    /** The XGBoost objective this trainer trains. */
    static final String OBJECTIVE = "binary:logistic";

    /**
     * A trainer for {@code rounds} boosting rounds.
     *
     * @param rounds     number of boosting rounds (trees)
     * @param parameters XGBoost parameters; an {@code objective} other than {@code binary:logistic}
     *                   or a {@code num_class} is rejected
     * @throws IllegalArgumentException if the parameters name another objective or a class count
     */
    XGBoostBinaryTrainer(int rounds, Map<String, Object> parameters) {
        super(rounds, withObjective(parameters));
        postConfig();
    }

    private static Map<String, Object> withObjective(Map<String, Object> parameters) {
        Object objective = parameters.getOrDefault("objective", OBJECTIVE);
        if (!OBJECTIVE.equals(objective)) {
            throw new IllegalArgumentException("this trainer trains objective " + OBJECTIVE + ", not " + objective);
        }
        if (parameters.containsKey("num_class")) {
            throw new IllegalArgumentException(OBJECTIVE + " takes no num_class");
        }
        Map<String, Object> copy = new HashMap<>(parameters);
        copy.put("objective", OBJECTIVE);
        return copy;
    }

    @Override
    public XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    /**
     * Trains on a dataset of exactly two labels.
     *
     * @throws IllegalArgumentException if the dataset holds unknown labels or not two labels
     * @throws IllegalStateException    if XGBoost fails
     */
    @Override
    public synchronized XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("the dataset holds examples with unknown labels");
        }
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        if (outputs.size() != 2) {
            throw new IllegalArgumentException(OBJECTIVE + " needs exactly two labels in the dataset, found "
                    + outputs.size());
        }
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        Map<String, Object> params = copyParams(overrideParameters);
        params.putIfAbsent("base_score", shareOfOutputIdOne(examples, outputs));
        Booster booster;
        try {
            DMatrixTuple<Label> matrix = convertExamples(examples, features, label -> (float) outputs.getID(label));
            try {
                booster = XGBoost.train(matrix.data, params, numTrees, Map.of(), null, null);
            } finally {
                matrix.data.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        }
        ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return createModel("xgboost-binary-logistic-model", provenance, features, outputs, List.of(booster),
                new XGBoostBinaryConverter());
    }

    // Strictly between 0 and 1: both labels occur, and weights are positive.
    private static double shareOfOutputIdOne(Dataset<Label> examples, ImmutableOutputInfo<Label> outputs) {
        double one = 0;
        double total = 0;
        for (Example<Label> example : examples) {
            total += example.getWeight();
            if (outputs.getID(example.getOutput()) == 1) {
                one += example.getWeight();
            }
        }
        return one / total;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
