package cn.yinling.dashboard.report;

import cn.yinling.warehouse.kpi.KpiDefinition;
import java.util.Locale;
import java.util.Set;

/**
 * How the report writes a figure: in prose the way the committee's reports do (1043.52万人, 23.29%, 1.35亿元), in
 * tables as the plain number with the unit in the column header (so the figures can be checked against the marts).
 */
final class ReportNumbers {

    static final String NO_DATA = "暂无数据";
    static final String NO_VALUE = "无法计算";

    /** Units of things counted one by one; large counts are written in 万. */
    private static final Set<String> COUNTED = Set.of("人", "张", "个", "单", "小时");

    private ReportNumbers() {
    }

    static String fixed2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A figure in a sentence, with its unit: 1010人, 1.25万人, 24.00%, 3.60万元; 暂无数据 / 无法计算 otherwise. */
    static String prose(KpiDefinition kpi, AnnualFigures.Figure figure) {
        return switch (figure.status()) {
            case no_data -> NO_DATA;
            case no_value -> NO_VALUE;
            case ok -> prose(kpi, figure.value());
        };
    }

    static String prose(KpiDefinition kpi, double value) {
        String unit = kpi.unit() == null ? "" : kpi.unit();
        if (unit.equals("元")) {
            return money(value);
        }
        if (!kpi.ratio() && COUNTED.contains(unit)) {
            return count(value) + unit;
        }
        return fixed2(value) + unit;
    }

    /** A count in prose: whole below ten thousand, in 万 with two decimals from there. */
    static String count(double value) {
        if (Math.abs(value) >= 10_000) {
            return fixed2(value / 10_000) + "万";
        }
        return whole(value);
    }

    static String money(double value) {
        if (Math.abs(value) >= 100_000_000) {
            return fixed2(value / 100_000_000) + "亿元";
        }
        if (Math.abs(value) >= 10_000) {
            return fixed2(value / 10_000) + "万元";
        }
        return fixed2(value) + "元";
    }

    /** A figure in a table cell: the number only (unit in the header), counts whole, others with two decimals. */
    static String cell(KpiDefinition kpi, AnnualFigures.Figure figure) {
        return switch (figure.status()) {
            case no_data -> NO_DATA;
            case no_value -> NO_VALUE;
            case ok -> cell(kpi, figure.value());
        };
    }

    static String cell(KpiDefinition kpi, double value) {
        boolean whole = !kpi.ratio() && !"元".equals(kpi.unit()) && value == Math.rint(value);
        return whole ? whole(value) : fixed2(value);
    }

    static String whole(double value) {
        return String.format(Locale.ROOT, "%d", Math.round(value));
    }

    /** The unit as a column header or table cell shows it: （人）, （%）; nothing for a pure number. */
    static String unitSuffix(KpiDefinition kpi) {
        return kpi.unit() == null || kpi.unit().isEmpty() ? "" : "（" + kpi.unit() + "）";
    }

    /**
     * The change from {@code before} to {@code now} in words: 提高1.50个百分点 for a percentage, 增加12人 for a count,
     * 持平 when equal at the precision printed.
     */
    static String change(KpiDefinition kpi, double now, double before) {
        double difference = now - before;
        boolean percent = "%".equals(kpi.unit());
        if (Math.abs(difference) < 0.005 || !percent && !kpi.ratio() && Math.round(difference) == 0
                && COUNTED.contains(kpi.unit())) {
            return "持平";
        }
        if (percent) {
            return (difference > 0 ? "提高" : "下降") + fixed2(Math.abs(difference)) + "个百分点";
        }
        return (difference > 0 ? "增加" : "减少") + prose(kpi, Math.abs(difference));
    }

    /** A change for a table cell: +1.50 / -12 (same precision as the cells). */
    static String signedCell(KpiDefinition kpi, double now, double before) {
        double difference = now - before;
        String text = cell(kpi, Math.abs(difference));
        if (text.equals(cell(kpi, 0)) || Math.abs(difference) < 0.005) {
            return cell(kpi, 0);
        }
        return (difference > 0 ? "+" : "-") + text;
    }
}
