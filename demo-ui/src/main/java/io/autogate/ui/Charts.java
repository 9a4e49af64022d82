package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn on the server with JFreeChart into SVG (JFreeSVG), shown as {@code data:} images:
 * no frontend build and no JavaScript chart library.
 */
final class Charts {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 260;

    private Charts() {
    }

    /** The best score so far against seconds elapsed, as a step line. */
    static String bestOverTime(JsonNode points, String metric) {
        XYSeries series = new XYSeries("best " + metric);
        double last = Double.NaN;
        for (JsonNode p : points) {
            double s = p.get("seconds").asDouble();
            if (!Double.isNaN(last)) {
                series.add(s, last);
            }
            last = p.get("score").asDouble();
            series.add(s, last);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Best score so far", "seconds", metric,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        return dataUrl(chart);
    }

    /** A horizontal bar per label (e.g. class probabilities). */
    static String bars(String title, String valueLabel, java.util.Map<String, Double> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((k, v) -> data.addValue(v, valueLabel, k));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        return dataUrl(chart);
    }

    /** The chart drawn at the standard size as an SVG {@code data:} URL. */
    static String dataUrl(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new java.awt.Rectangle(0, 0, WIDTH, HEIGHT));
        return dataUrl(g);
    }

    /** A finished SVG drawing as a {@code data:} URL. */
    static String dataUrl(SVGGraphics2D g) {
        byte[] svg = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg);
    }
}
