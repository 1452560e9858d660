package dev.paygate.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Full-flow payments per second (left axis) and confirm p99 (right axis) against concurrency. */
final class ThroughputPlot {

    private static final int WIDTH_PX = 900;
    private static final int HEIGHT_PX = 500;

    private ThroughputPlot() {
    }

    @SuppressWarnings("unchecked")
    static void write(List<Map<String, Object>> levels, Path png) throws IOException {
        XYSeries throughput = new XYSeries("payments/s");
        XYSeries p99 = new XYSeries("confirm p99 (ms)");
        for (Map<String, Object> level : levels) {
            double concurrency = ((Number) level.get("concurrency")).doubleValue();
            throughput.add(concurrency, ((Number) level.get("per_second")).doubleValue());
            p99.add(concurrency, ((Number) ((Map<String, Object>) level.get("confirm")).get("p99_ms")).doubleValue());
        }
        LogAxis concurrencyAxis = new LogAxis("concurrent browsers");
        concurrencyAxis.setBase(2);
        concurrencyAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(new XYSeriesCollection(throughput), concurrencyAxis, new NumberAxis("payments/s"),
                renderer(new Color(0x1f77b4)));
        plot.setRangeAxis(1, new NumberAxis("confirm p99 (ms)"));
        plot.setDataset(1, new XYSeriesCollection(p99));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(0xd62728)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Paygate full flow over HTTP", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH_PX, HEIGHT_PX);
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }
}
