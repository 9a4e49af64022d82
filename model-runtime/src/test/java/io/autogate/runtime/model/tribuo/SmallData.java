package io.autogate.runtime.model.tribuo;

import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Small synthetic data for the runtime tests. Features are named so that their alphabetical order
 * differs from their position ("z" first), and a third of the rows hold an exact zero in "z", on
 * which the target depends: zero must be a value, not "missing".
 */
final class SmallData {
    static final List<String> NAMES = List.of("z", "a", "m");

    final double[][] x;
    final double[] y;

    SmallData(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        x = new double[rows][];
        y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double z = random.nextInt(3) == 0 ? 0.0 : random.nextDouble(-2, 2);
            double a = random.nextDouble(-2, 2);
            x[i] = new double[] {z, a, 0.0};
            y[i] = z == 0.0 ? 10.0 : 3 * z + a;
        }
    }

    /** Class of a row: 0 when z is exactly zero, 1 when z is positive, 2 otherwise. */
    int classOf(int row) {
        double z = x[row][0];
        return z == 0.0 ? 0 : z > 0 ? 1 : 2;
    }

    MutableDataset<Label> labels(boolean skipClassOne) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        TribuoExamples examples = new TribuoExamples(NAMES);
        examples.<Label>of(x, i -> new Label(Integer.toString(classOf(i)))).stream()
                .filter(e -> !(skipClassOne && e.getOutput().getLabel().equals("1")))
                .forEach(data::add);
        return data;
    }

    MutableDataset<Regressor> targets(TargetScaling scaling) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        new TribuoExamples(NAMES).<Regressor>of(x, i -> new Regressor("y", scaling.toModel(y[i]))).forEach(data::add);
        return data;
    }
}
