package io.autogate.engine.forecast;

/** Sums of squared one-step errors and the AICc the families select with. */
final class Sse {
    private Sse() {
    }

    /** Σe² over finite entries from {@code from}; infinite when any later entry is not finite. */
    static double of(double[] e, int from) {
        double s = 0;
        for (int i = from; i < e.length; i++) {
            if (Double.isNaN(e[i])) {
                continue;
            }
            if (!Double.isFinite(e[i])) {
                return Double.POSITIVE_INFINITY;
            }
            s += e[i] * e[i];
        }
        return s;
    }

    /** Count of finite entries from {@code from}. */
    static int count(double[] e, int from) {
        int c = 0;
        for (int i = from; i < e.length; i++) {
            if (Double.isFinite(e[i])) {
                c++;
            }
        }
        return c;
    }

    /** AICc of a Gaussian fit with {@code k} parameters: n·ln(SSE/n) + 2k + 2k(k+1)/(n−k−1). */
    static double aicc(double sse, int n, int k) {
        if (!(sse > 0) || !Double.isFinite(sse) || n - k - 1 <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return n * Math.log(sse / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }
}
