package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The result step's charts, drawn on the server into SVG like {@link Charts}: feature importance
 * (bars), the confusion matrix (a grid of counts shaded by share of the actual class), predicted
 * against actual values (scatter with the perfect-guess diagonal) and a forecast after its history
 * with 80% and 95% bands. Inputs are the gateway's JSON.
 */
final class ResultCharts {
    private static final int MAX_BARS = 12;
    private static final int MAX_CELL = 56;
    private static final Color GREEN = new Color(46, 125, 50);
    private static final Color RED = new Color(198, 40, 40);

    private ResultCharts() {
    }

    /** The largest importances of an insight card's {@code feature_importance}, as bars. */
    static String importance(JsonNode features, String metric) {
        Map<String, Double> bars = new LinkedHashMap<>();
        for (JsonNode f : features) {
            if (bars.size() == MAX_BARS) {
                break;
            }
            bars.put(f.path("feature").asText(), f.path("importance").asDouble());
        }
        return Charts.bars("What the model leans on", "loss of " + metric + " when shuffled", bars);
    }

    /** The confusion matrix: actual classes down, predicted across, each cell its count. */
    static String confusion(JsonNode confusion) {
        List<String> classes = new ArrayList<>();
        confusion.path("classes").forEach(c -> classes.add(c.asText()));
        int n = classes.size();
        int label = 110;
        int cell = Math.max(18, Math.min(MAX_CELL, 320 / Math.max(1, n)));
        int size = label + cell * n + 10;
        SVGGraphics2D g = new SVGGraphics2D(size, size + 20);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size + 20);
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        g.drawString("predicted →", label, 14);
        g.drawString("actual ↓", 4, 14);
        for (int a = 0; a < n; a++) {
            int rowTotal = 0;
            for (JsonNode c : confusion.path("counts").path(a)) {
                rowTotal += c.asInt();
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(clip(classes.get(a), 16), 4, label + a * cell + cell / 2 + 4);
            for (int p = 0; p < n; p++) {
                int count = confusion.path("counts").path(a).path(p).asInt();
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                Color base = a == p ? GREEN : RED;
                g.setColor(mix(base, share));
                g.fillRect(label + p * cell, label + a * cell, cell - 1, cell - 1);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String text = Integer.toString(count);
                g.drawString(text, label + p * cell + (cell - fm.stringWidth(text)) / 2, label + a * cell + cell / 2 + 4);
            }
        }
        for (int p = 0; p < n; p++) {
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.translate(label + p * cell + cell / 2 + 4, label - 6);
            g.rotate(-Math.PI / 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(clip(classes.get(p), 16), 0, 0);
            g.setTransform(saved);
        }
        return Charts.dataUrl(g);
    }

    /** Out-of-fold predictions against actual values, with the line where they are equal. */
    static String predictedVsActual(JsonNode points, String target) {
        XYSeries series = new XYSeries("rows");
        JsonNode actual = points.path("actual");
        JsonNode predicted = points.path("predicted");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.get(i).asDouble();
            double p = predicted.get(i).asDouble();
            series.add(a, p);
            lo = Math.min(lo, Math.min(a, p));
            hi = Math.max(hi, Math.max(a, p));
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Predicted against actual", "actual " + target,
                "predicted " + target, new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        if (Double.isFinite(lo)) {
            plot.addAnnotation(new XYLineAnnotation(lo, lo, hi, hi, new BasicStroke(1.5f), GREEN));
        }
        plot.getRenderer().setSeriesPaint(0, new Color(25, 118, 210, 140));
        whitePlot(plot);
        return Charts.dataUrl(chart);
    }

    /**
     * A series' history ({@code {timestamp, value}} points) followed by its forecast
     * ({@code prediction}, {@code lower_80} ... {@code upper_95}), on one axis of steps labelled
     * with the timestamps.
     */
    static String forecast(String title, JsonNode history, JsonNode forecast) {
        List<String> labels = new ArrayList<>();
        XYSeries past = new XYSeries("history");
        for (JsonNode h : history) {
            past.add(labels.size(), h.path("value").asDouble());
            labels.add(h.path("timestamp").asText());
        }
        YIntervalSeries band95 = new YIntervalSeries("95% interval");
        YIntervalSeries band80 = new YIntervalSeries("80% interval");
        if (!labels.isEmpty() && forecast.size() > 0) {
            double last = past.getY(past.getItemCount() - 1).doubleValue();
            band95.add(labels.size() - 1, last, last, last);
            band80.add(labels.size() - 1, last, last, last);
        }
        for (JsonNode f : forecast) {
            double x = labels.size();
            band95.add(x, f.path("prediction").asDouble(), f.path("lower_95").asDouble(), f.path("upper_95").asDouble());
            band80.add(x, f.path("prediction").asDouble(), f.path("lower_80").asDouble(), f.path("upper_80").asDouble());
            labels.add(f.path("timestamp").asText());
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        JFreeChart chart = ChartFactory.createXYLineChart(title, null, "value", new XYSeriesCollection(past),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, Color.DARK_GRAY);
        DeviationRenderer deviation = new DeviationRenderer(true, false);
        deviation.setSeriesPaint(0, new Color(25, 118, 210));
        deviation.setSeriesFillPaint(0, new Color(25, 118, 210, 45));
        deviation.setSeriesPaint(1, new Color(25, 118, 210));
        deviation.setSeriesFillPaint(1, new Color(25, 118, 210, 110));
        deviation.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, deviation);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new StepLabels(labels));
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer line) {
            line.setSeriesStroke(0, new BasicStroke(1.5f));
        }
        whitePlot(plot);
        return Charts.dataUrl(chart);
    }

    private static void whitePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    private static Color mix(Color base, double share) {
        double t = 0.12 + 0.88 * share;
        return new Color((int) (255 + (base.getRed() - 255) * t), (int) (255 + (base.getGreen() - 255) * t),
                (int) (255 + (base.getBlue() - 255) * t));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Axis labels: step {@code i} shows the i-th timestamp. */
    private static final class StepLabels extends NumberFormat {
        private final List<String> labels;

        StepLabels(List<String> labels) {
            this.labels = List.copyOf(labels);
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return format(Math.round(number), to, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(number >= 0 && number < labels.size() ? labels.get((int) number) : "");
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
