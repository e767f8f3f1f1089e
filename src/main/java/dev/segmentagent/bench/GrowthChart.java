package dev.segmentagent.bench;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

/**
 * The growth table as a log-log chart: each charted cost relative to its value at the smallest size, against
 * the number of customers, next to a line that grows as fast as the customers do. A cost under that line grows
 * less than linearly. Drawn headless (JFreeChart), so it runs on a server with no display.
 */
final class GrowthChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    /** Distinct on white and for common colour-vision deficiencies (Okabe–Ito). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private GrowthChart() {
    }

    static void writePng(GrowthTable table, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection series = new XYSeriesCollection();
        List<Long> customers = table.customers();
        XYSeries linear = new XYSeries("grows as the customers (linear)");
        customers.forEach(c -> linear.add(c.doubleValue(), c.doubleValue() / customers.get(0)));
        series.addSeries(linear);
        for (GrowthTable.Row row : table.rows()) {
            if (!row.charted() || row.values().get(0) == null || row.values().get(0) <= 0) {
                continue;
            }
            XYSeries line = new XYSeries(row.measure());
            for (int i = 0; i < customers.size(); i++) {
                Double value = row.values().get(i);
                if (value != null && value > 0) {
                    line.add(customers.get(i).doubleValue(), value / row.values().get(0));
                }
            }
            series.addSeries(line);
        }
        LogAxis x = new LogAxis("customers");
        x.setTickUnit(new NumberTickUnit(1.0)); // a LogAxis counts ticks in powers of ten: one per decade
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        LogAxis y = new LogAxis("cost relative to " + GrowthTable.size(customers.get(0)) + " customers");
        y.setTickUnit(new NumberTickUnit(Math.log10(2))); // 1×, 2×, 4×, 8×, 16×
        y.setNumberFormatOverride(new DecimalFormat("0.##'×'"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f));
        for (int i = 1; i < series.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[(i - 1) % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("How each cost grows with the number of customers", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
