package cn.yinling.dashboard.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn on the server with JFreeChart in the report's own font (headless AWT) and returned as
 * PNG blocks that both the DOCX and the PDF embed. Every text a chart draws is checked against the font first: a
 * character without a glyph would come out as a box, so it fails the report instead.
 */
final class ChartRenderer {

    /** Pixels per point of the PNG: sharp when printed. */
    static final int SCALE = 2;
    static final float WIDTH = 460;
    static final float HEIGHT = 250;
    /** Tick labels are numbers; they are drawn in the same font. */
    private static final String NUMBER_GLYPHS = "0123456789.,-%";
    private static final Color[] SERIES = {new Color(0xC0392B), new Color(0x2E86C1), new Color(0x7F8C8D),
        new Color(0x27AE60)};

    static {
        // Charts are drawn on servers without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final ReportFont font;

    ChartRenderer(ReportFont font) {
        this.font = font;
    }

    /** Lines over categories (months); a null value leaves a gap. */
    ReportDocument.Chart lines(String caption, String valueAxis, List<String> categories,
            Map<String, List<Double>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(values.get(i), name, categories.get(i));
            }
        });
        JFreeChart chart = ChartFactory.createLineChart(null, null, valueAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        CategoryPlot plot = style(chart);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (categories.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        List<String> texts = new ArrayList<>(categories);
        texts.add(valueAxis);
        texts.addAll(series.keySet());
        return render(caption, chart, texts);
    }

    /** Bars per category (districts), with the target as a line when there is one. */
    ReportDocument.Chart bars(String caption, String valueAxis, List<String> categories, List<Double> values,
            String targetLabel, Double target) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), valueAxis, categories.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, SERIES[1]);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.##")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(font.awt(10f));
        // room above the tallest bar for its label
        plot.getRangeAxis().setUpperMargin(0.15);
        List<String> texts = new ArrayList<>(categories);
        texts.add(valueAxis);
        if (target != null) {
            ValueMarker marker = new ValueMarker(target, SERIES[0], new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(targetLabel);
            marker.setLabelFont(font.awt(10f));
            marker.setLabelPaint(SERIES[0]);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
            texts.add(targetLabel);
        }
        if (categories.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return render(caption, chart, texts);
    }

    /** The population pyramid: men to the left, women to the right, youngest band at the bottom. */
    ReportDocument.Chart pyramid(String caption, List<String> bands, List<Long> men, List<Long> women) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = bands.size() - 1; i >= 0; i--) {
            data.addValue(-men.get(i), "男", bands.get(i));
            data.addValue(women.get(i), "女", bands.get(i));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, "年龄组（岁）", "人数（人）", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, SERIES[1]);
        renderer.setSeriesPaint(1, SERIES[0]);
        // Men are stored negative to grow leftwards; the axis shows the count without the sign.
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new WithoutSign());
        List<String> texts = new ArrayList<>(bands);
        texts.addAll(List.of("男", "女", "年龄组（岁）", "人数（人）"));
        return render(caption, chart, texts, WIDTH, 300);
    }

    /** A projection: the central line with its low and high bounds. */
    ReportDocument.Chart band(String caption, String valueAxis, List<String> years, List<Double> low,
            List<Double> central, List<Double> high) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("中方案", central);
        series.put("低方案", low);
        series.put("高方案", high);
        return lines(caption, valueAxis, years, series);
    }

    /**
     * Counts without their sign (the pyramid's men are negative). DecimalFormat("0;0") would not do: a negative
     * subpattern equal to the positive one is ignored and the minus comes back.
     */
    private static final class WithoutSign extends NumberFormat {

        private final NumberFormat whole = new DecimalFormat("#,##0");

        @Override
        public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
            return whole.format(Math.abs(number), target, position);
        }

        @Override
        public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
            return whole.format(Math.abs(number), target, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return whole.parse(source, position);
        }
    }

    private CategoryPlot style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(font.awt(15f));
        theme.setLargeFont(font.awt(12f));
        theme.setRegularFont(font.awt(11f));
        theme.setSmallFont(font.awt(10f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinesVisible(true);
        plot.setOutlineVisible(false);
        return plot;
    }

    private ReportDocument.Chart render(String caption, JFreeChart chart, List<String> texts) {
        return render(caption, chart, texts, WIDTH, HEIGHT);
    }

    private ReportDocument.Chart render(String caption, JFreeChart chart, List<String> texts, float width,
            float height) {
        List<String> drawn = new ArrayList<>(texts);
        drawn.add(NUMBER_GLYPHS);
        Font probe = font.awt(11f);
        for (String text : drawn) {
            int missing = text == null ? -1 : probe.canDisplayUpTo(text);
            if (missing >= 0) {
                throw new ReportFontException("字体 " + font + " 没有图表文字「" + text + "」中「" + text.charAt(missing)
                        + "」的字形，图中会显示为方框。请让 " + ReportFont.ENVIRONMENT_VARIABLE + " 指向覆盖该字符的中文字体。");
            }
        }
        BufferedImage image = new BufferedImage(Math.round(width * SCALE), Math.round(height * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportDocument.Chart(caption, png.toByteArray(), width, height, List.copyOf(drawn));
    }
}
