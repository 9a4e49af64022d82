package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.tribuo.TargetScaling;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.model.tribuo.TribuoExamples;
import io.autogate.runtime.model.tribuo.TribuoRegressor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns a {@link TrainingSet} into Tribuo datasets (class indices as labels {@code "0"},
 * {@code "1"}, ...; one regression dimension) and trained Tribuo models into runtime models.
 */
final class TribuoTraining {
    private static final String DATA_SOURCE = "autogate-training-set";

    private TribuoTraining() {
    }

    /** The label of a class index. */
    static Label label(int classIndex) {
        return new Label(Integer.toString(classIndex));
    }

    /** Class labels as a Tribuo dataset. */
    static MutableDataset<Label> classificationData(TrainingSet data) {
        requireUsable(data, true);
        LabelFactory factory = new LabelFactory();
        Label[] labels = new Label[data.numClasses()];
        Arrays.setAll(labels, TribuoTraining::label);
        double[] y = data.y();
        TribuoExamples examples = new TribuoExamples(data.featureNames());
        return new MutableDataset<>(examples.of(data.x(), i -> labels[classIndex(y[i], i, data)]),
                new SimpleDataSourceProvenance(DATA_SOURCE, factory), factory);
    }

    /** Regression targets, mapped through {@code scaling}, as a Tribuo dataset. */
    static MutableDataset<Regressor> regressionData(TrainingSet data, TargetScaling scaling) {
        requireUsable(data, false);
        RegressionFactory factory = new RegressionFactory();
        double[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target of row " + i + " is " + y[i]);
            }
        }
        TribuoExamples examples = new TribuoExamples(data.featureNames());
        return new MutableDataset<>(
                examples.of(data.x(), i -> new Regressor(Regressor.DEFAULT_NAME, scaling.toModel(y[i]))),
                new SimpleDataSourceProvenance(DATA_SOURCE, factory), factory);
    }

    /** Trains a classifier and wraps it. */
    static TribuoClassifier trainClassifier(Trainer<Label> trainer, TrainingSet data) {
        Model<Label> model = trainer.train(classificationData(data));
        return new TribuoClassifier(model, data.numClasses(), data.featureNames());
    }

    /** Trains a regressor on the target mapped through {@code scaling}, recorded in the model, and wraps it. */
    static TribuoRegressor trainRegressor(Trainer<Regressor> trainer, TrainingSet data, TargetScaling scaling) {
        Model<Regressor> model = trainer.train(regressionData(data, scaling), scaling.toProvenance());
        return new TribuoRegressor(model, data.featureNames());
    }

    /** A seed for one component, derived from the trial seed. */
    static long derivedSeed(long seed, int component) {
        SplittableRandom random = new SplittableRandom(seed);
        long s = random.nextLong();
        for (int i = 0; i < component; i++) {
            s = random.nextLong();
        }
        return s;
    }

    private static int classIndex(double y, int row, TrainingSet data) {
        int c = (int) y;
        if (c != y || c < 0 || c >= data.numClasses()) {
            throw new IllegalArgumentException("target of row " + row + " is " + y + ", not a class index below "
                    + data.numClasses());
        }
        return c;
    }

    private static void requireUsable(TrainingSet data, boolean classification) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (data.task().isClassification() != classification) {
            throw new IllegalArgumentException("task " + data.task().id() + " does not match this trainer");
        }
        if (classification && data.numClasses() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + data.numClasses());
        }
    }
}
