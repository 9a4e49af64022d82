package io.autogate.gateway.feedback;

import smile.math.special.Beta;
import smile.stat.distribution.GaussianDistribution;

/**
 * Whether two arms' live quality really differs: a two-proportion z-test on accuracy for
 * classification, Welch's t-test on the squared errors for regression (from the running sums in
 * {@link ArmQuality}, so no raw errors are kept). Distribution tails come from Smile. Stateless.
 */
public final class SignificanceTest {
    /** The usual significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private SignificanceTest() {
    }

    /** {@link #compare(ArmQuality, ArmQuality, double)} at level 0.05. */
    public static ArmComparison compare(ArmQuality a, ArmQuality b) {
        return compare(a, b, DEFAULT_ALPHA);
    }

    /**
     * Compares arm B to arm A: accuracy when both have classification feedback, otherwise the mean
     * squared error when both have regression feedback.
     *
     * @param alpha the significance level, in (0, 1)
     */
    public static ArmComparison compare(ArmQuality a, ArmQuality b, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (a.classified() > 0 || b.classified() > 0) {
            return accuracy(a, b, alpha);
        }
        return meanSquaredError(a, b, alpha);
    }

    /** Two-proportion z-test with the pooled proportion. */
    static ArmComparison accuracy(ArmQuality a, ArmQuality b, double alpha) {
        long na = a.classified();
        long nb = b.classified();
        double pa = a.accuracy();
        double pb = b.accuracy();
        if (na == 0 || nb == 0) {
            return new ArmComparison("accuracy", na, nb, pa, pb, pb - pa, Double.NaN, Double.NaN, false);
        }
        double pooled = (double) (a.correct() + b.correct()) / (na + nb);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / na + 1.0 / nb));
        double z = se == 0 ? 0 : (pb - pa) / se;
        double p = 2 * (1 - GaussianDistribution.getInstance().cdf(Math.abs(z)));
        return new ArmComparison("accuracy", na, nb, pa, pb, pb - pa, z, p, p < alpha);
    }

    /** Welch's unequal-variance t-test on the squared errors. */
    static ArmComparison meanSquaredError(ArmQuality a, ArmQuality b, double alpha) {
        long na = a.regressed();
        long nb = b.regressed();
        double ma = a.meanSquaredError();
        double mb = b.meanSquaredError();
        if (na < 2 || nb < 2) {
            return new ArmComparison("mse", na, nb, ma, mb, mb - ma, Double.NaN, Double.NaN, false);
        }
        double sa = a.squaredErrorVariance() / na;
        double sb = b.squaredErrorVariance() / nb;
        double se2 = sa + sb;
        if (se2 == 0) {
            boolean same = ma == mb;
            return new ArmComparison("mse", na, nb, ma, mb, mb - ma, same ? 0 : Math.copySign(Double.POSITIVE_INFINITY,
                    mb - ma), same ? 1 : 0, !same);
        }
        double t = (mb - ma) / Math.sqrt(se2);
        double df = se2 * se2 / (sa * sa / (na - 1) + sb * sb / (nb - 1));
        double p = Beta.regularizedIncompleteBetaFunction(0.5 * df, 0.5, df / (df + t * t));
        return new ArmComparison("mse", na, nb, ma, mb, mb - ma, t, p, p < alpha);
    }
}
