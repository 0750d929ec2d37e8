package cn.yinling.dashboard.explorer;

import cn.yinling.dashboard.explorer.ExportTable.Column;
import cn.yinling.dashboard.explorer.ExportTable.Num;
import cn.yinling.dashboard.kpi.DataStatus;
import cn.yinling.dashboard.kpi.KpiController.ChildRow;
import cn.yinling.dashboard.kpi.KpiCard;
import cn.yinling.dashboard.kpi.KpiController.ChildrenAnswer;
import cn.yinling.dashboard.kpi.KpiController.KpiAnswer;
import cn.yinling.dashboard.kpi.TargetStatus;
import cn.yinling.dashboard.population.PyramidController.Band;
import cn.yinling.dashboard.population.PyramidController.PyramidAnswer;
import cn.yinling.dashboard.population.PyramidController.Totals;
import cn.yinling.dashboard.portal.SubmissionMatrix;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.RegionLevel;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dashboard's tables as {@link ExportTable}s, each from the very answer its page draws: the explorer's series,
 * the theme pages' comparison of child regions, the pyramid's age bands, the submission matrix. Headers and labels
 * are those of the pages.
 */
public final class ExportTables {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String CHANGES_NOTE = "环比：与上月相比；同比：与上年同月相比。百分比指标的变化以百分点计、不计增长率；"
            + "上月或上年同月暂无数据时不计算变化。";

    private ExportTables() {
    }

    /** Decimals the pages show a KPI's values with (shell.js format.decimals). */
    static int digits(KpiDefinition kpi) {
        if (kpi.ratio() || "元".equals(kpi.unit())) {
            return 2;
        }
        return "小时".equals(kpi.unit()) ? 1 : 0;
    }

    /** Numerators and denominators: whole numbers without decimals, others with two. */
    private static Num count(Double value) {
        return value == null ? null : new Num(value, value == Math.rint(value) ? 0 : 2);
    }

    private static Num shown(Double value, int digits) {
        return value == null ? null : new Num(value, digits);
    }

    /** "2024-12" → "2024年12月" */
    static String month(String text) {
        YearMonth m = YearMonth.parse(text);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** The title row names the data version its figures come from. */
    private static String titled(String title, int version) {
        return title + " · 数据版本第 " + version + " 版";
    }

    private static String exportedAt(ZonedDateTime now) {
        return "导出时间：" + TIME.format(now) + "（北京时间）";
    }

    private static String statusText(DataStatus status, String note) {
        return switch (status) {
            case ok -> null;
            case no_value -> "无法计算：" + (note == null ? "分母为 0。" : note);
            case no_data -> "暂无数据" + (note == null ? "" : "：" + note);
        };
    }

    private static String verdict(TargetStatus status) {
        return switch (status) {
            case met -> "达标";
            case not_met -> "未达标";
            case none -> null;
        };
    }

    private static String listed(List<String> names, String unit) {
        List<String> distinct = names.stream().distinct().toList();
        return distinct.size() <= 3 ? String.join("、", distinct)
                : String.join("、", distinct.subList(0, 3)) + "等 " + distinct.size() + " " + unit;
    }

    // ---- 趋势分析 ----------------------------------------------------------------------------------------------

    public static ExportTable explorer(TrendExplorer.SeriesAnswer answer, KpiCatalog catalog, ZonedDateTime now) {
        List<String> kpiNames = answer.series().stream()
                .map(s -> s.kpiName() + (s.breakdownLabel() == null ? "" : "（" + s.breakdownLabel() + "）")).toList();
        List<String> regionNames = answer.series().stream().map(s -> s.region().name()).toList();
        String months = month(answer.from()) + "至" + month(answer.to());
        String title = titled("趋势分析：" + listed(kpiNames, "项指标") + " · " + listed(regionNames, "个区域") + " · "
                + months, answer.version());
        List<Column> columns = List.of(Column.text("指标", 24), Column.text("指标代码", 18), Column.text("分项", 12),
                Column.text("区域", 16), Column.text("区划代码", 14), Column.text("月份", 9),
                Column.number("指标值", 2, 12), Column.text("单位", 6), Column.number("分子", 0, 12),
                Column.number("分母", 0, 12), Column.number("环比变化", 2, 11), Column.number("环比增长率（%）", 2, 10),
                Column.number("同比变化", 2, 11), Column.number("同比增长率（%）", 2, 10), Column.text("变化单位", 8),
                Column.text("说明", 40));
        List<List<Object>> rows = new ArrayList<>();
        for (TrendExplorer.Series s : answer.series()) {
            KpiDefinition kpi = catalog.find(s.kpi()).orElseThrow();
            int d = digits(kpi);
            for (TrendExplorer.Point p : s.points()) {
                rows.add(Arrays.asList(s.kpiName(), s.kpi(), s.breakdownLabel(), s.region().name(),
                        s.region().regionCode(), p.month(), shown(p.value(), d), s.unit(), count(p.numerator()),
                        count(p.denominator()), shown(p.momChange(), d), shown(p.momRate(), 2),
                        shown(p.yoyChange(), d), shown(p.yoyRate(), 2), s.changeUnit(),
                        statusText(p.dataStatus(), p.note())));
            }
        }
        String fileBase = "趋势分析-" + listed(kpiNames, "项指标") + "-" + listed(regionNames, "个区域") + "-"
                + answer.from() + "至" + answer.to() + "-第" + answer.version() + "版";
        return new ExportTable(fileBase, "趋势分析", title, List.of(exportedAt(now), CHANGES_NOTE),
                columns, rows);
    }

    // ---- 下级区域对比 --------------------------------------------------------------------------------------------

    public static ExportTable children(ChildrenAnswer answer, KpiDefinition kpi, int version, ZonedDateTime now) {
        String label = kpi.breakdownLabel(answer.breakdown());
        String kpiName = kpi.name() + (label == null ? "" : "（" + label + "）");
        String place = answer.region().name() + "下级区域对比";
        String title = titled(kpiName + " · " + place + " · " + month(answer.month()), version);
        int d = digits(kpi);
        String unit = kpi.unit() == null ? "" : kpi.unit();
        List<Column> columns = List.of(Column.text("区域", 18), Column.text("区划代码", 14), Column.text("层级", 8),
                Column.number("指标值", d, 12), Column.text("单位", 6), Column.number("分子", 0, 12),
                Column.number("分母", 0, 12), Column.number("目标值", d, 10), Column.text("达标情况", 8),
                Column.text("说明", 40));
        List<List<Object>> rows = new ArrayList<>();
        for (ChildRow r : answer.rows()) {
            rows.add(Arrays.asList(r.regionName(), r.regionCode(), RegionLevel.ofCode(r.regionLevel()).chineseName(),
                    shown(r.value(), d), unit, count(r.numerator()), kpi.ratio() ? count(r.denominator()) : null,
                    shown(r.target(), d), verdict(r.status()), statusText(r.dataStatus(), r.note())));
        }
        List<String> notes = new ArrayList<>(List.of(exportedAt(now)));
        notes.add(answer.region().name() + "本级指标值：" + (answer.parentValue() == null ? "暂无数据"
                : String.format(Locale.ROOT, "%." + d + "f", answer.parentValue()) + (unit.isEmpty() ? "" : " " + unit))
                + "；指标公式：" + kpi.formula());
        String fileBase = "下级区域对比-" + kpiName + "-" + answer.region().name() + "-" + answer.month() + "-第" + version
                + "版";
        return new ExportTable(fileBase, "下级区域对比", title, notes, columns, rows);
    }

    // ---- 分项构成 ----------------------------------------------------------------------------------------------

    /** A by-type KPI's card: the total, then each breakdown value, with the change against the month before. */
    public static ExportTable breakdowns(KpiAnswer answer, KpiDefinition kpi, int version, ZonedDateTime now) {
        KpiCard card = answer.card();
        int d = digits(kpi);
        String unit = kpi.unit() == null ? "" : kpi.unit();
        List<Column> columns = List.of(Column.text("分项", 20), Column.text("分项代码", 16), Column.number("指标值", d, 12),
                Column.text("单位", 6), Column.number("分子", 0, 12), Column.number("分母", 0, 12),
                Column.number("较上月变化", d, 12), Column.text("说明", 40));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("合计", null, shown(card.value(), d), unit, count(card.numerator()),
                kpi.ratio() ? count(card.denominator()) : null, shown(card.change(), d),
                statusText(card.dataStatus(), card.note())));
        for (KpiCard.Part part : card.breakdowns()) {
            rows.add(Arrays.asList(part.label(), part.code(), shown(part.value(), d), unit, count(part.numerator()),
                    kpi.ratio() ? count(part.denominator()) : null, shown(part.change(), d),
                    statusText(part.dataStatus(), null)));
        }
        String title = titled(kpi.name() + "分项构成 · " + answer.region().name() + " · " + month(answer.month()), version);
        String fileBase = "分项构成-" + kpi.name() + "-" + answer.region().name() + "-" + answer.month() + "-第" + version
                + "版";
        return new ExportTable(fileBase, "分项构成", title, List.of(exportedAt(now),
                "较上月变化：与上月相比" + (Change.isPercentage(kpi) ? "，以百分点计" : "") + "；指标公式：" + kpi.formula()),
                columns, rows);
    }

    // ---- 人口年龄结构 --------------------------------------------------------------------------------------------

    public static ExportTable pyramid(PyramidAnswer answer, int version, ZonedDateTime now) {
        String title = titled("人口年龄结构 · " + answer.region().name() + " · " + month(answer.month()) + "（上年同期 "
                + month(answer.previousMonth()) + "）", version);
        List<Column> columns = List.of(Column.text("年龄段", 12), Column.number("男", 0, 10), Column.number("女", 0, 10),
                Column.number("合计", 0, 10), Column.number("占总人口（%）", 2, 10), Column.number("上年同期男", 0, 10),
                Column.number("上年同期女", 0, 10), Column.number("上年同期合计", 0, 12), Column.number("较上年增减", 0, 10));
        Totals t = answer.totals();
        Totals p = answer.previousTotals();
        List<List<Object>> rows = new ArrayList<>();
        for (Band b : answer.bands()) {
            rows.add(Arrays.asList(b.label(), b.male(), b.female(), b.total(), share(b.total(), t), b.previousMale(),
                    b.previousFemale(), b.previousTotal(), difference(b.total(), b.previousTotal())));
        }
        rows.add(Arrays.asList("60岁及以上", null, null, t == null ? null : t.elderly(),
                t == null ? null : share(t.elderly(), t), null, null, p == null ? null : p.elderly(),
                t == null || p == null ? null : t.elderly() - p.elderly()));
        rows.add(Arrays.asList("合计", t == null ? null : t.male(), t == null ? null : t.female(),
                t == null ? null : t.total(), t == null ? null : 100.0, p == null ? null : p.male(),
                p == null ? null : p.female(), p == null ? null : p.total(),
                t == null || p == null ? null : t.total() - p.total()));
        List<String> notes = new ArrayList<>(List.of(exportedAt(now)));
        if (!answer.hasData()) {
            notes.add("该区域本月暂无人口年龄结构数据。");
        }
        String fileBase = "人口年龄结构-" + answer.region().name() + "-" + answer.month() + "-第" + version + "版";
        return new ExportTable(fileBase, "人口年龄结构", title, notes, columns, rows);
    }

    private static Double share(Long count, Totals totals) {
        return count == null || totals == null || totals.total() == 0 ? null : count * 100.0 / totals.total();
    }

    private static Long difference(Long current, Long previous) {
        return current == null || previous == null ? null : current - previous;
    }

    // ---- 报送情况 ----------------------------------------------------------------------------------------------

    public static ExportTable submissions(SubmissionMatrix.Answer answer, ZonedDateTime now) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("单位", 24), Column.text("单位代码", 26)));
        answer.feedNames().forEach(name -> columns.add(Column.text(name, 12)));
        List<List<Object>> rows = new ArrayList<>();
        for (SubmissionMatrix.UnitRow unit : answer.units()) {
            List<Object> row = new ArrayList<>(List.of(unit.name(), unit.unit()));
            for (SubmissionMatrix.Cell cell : unit.cells()) {
                row.add(cell == null ? "—" : stateText(cell.state()) + (cell.overdue() ? "（已超期）" : ""));
            }
            rows.add(row);
        }
        String counts = "应报 " + answer.expected() + " 项：已报送 " + answer.submitted() + "，逾期报送 " + answer.late()
                + "，被拒收 " + answer.refused() + "，未报送 " + answer.missing();
        return new ExportTable("报送情况-" + answer.month(), "报送情况", "报送情况 · " + month(answer.month()),
                List.of("生成时间：" + TIME.format(now) + "（北京时间）；月报按所选月份、年报按所选月份所在年度统计", counts),
                columns, rows);
    }

    private static String stateText(SubmissionMatrix.State state) {
        return switch (state) {
            case submitted -> "已报送";
            case late -> "逾期报送";
            case refused -> "被拒收";
            case missing -> "未报送";
        };
    }

    /** The KPI codes and regions of an explorer export, for the audit log. */
    static String describe(TrendExplorer.SeriesAnswer answer) {
        return "kpis=" + answer.series().stream().map(s -> s.kpi() + (s.breakdown() == null ? "" : ":" + s.breakdown()))
                .distinct().collect(Collectors.joining(","))
                + " regions=" + answer.series().stream().map(s -> s.region().regionCode()).distinct()
                        .collect(Collectors.joining(","))
                + " from=" + answer.from() + " to=" + answer.to();
    }
}
