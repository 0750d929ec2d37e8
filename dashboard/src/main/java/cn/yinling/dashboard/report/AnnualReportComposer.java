package cn.yinling.dashboard.report;

import static cn.yinling.dashboard.report.ReportNumbers.NO_DATA;

import cn.yinling.dashboard.kpi.TargetStatus;
import cn.yinling.dashboard.report.AnnualFigures.Figure;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.Region;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the annual report (《XX市老年人口信息和老龄事业发展状况报告（2024年）》) from the figures of one version: a
 * cover naming the version and its publication date, one section per KPI theme with prose generated from the
 * figures, tables by district and charts, the KPIs against their targets, the audit summary and the forecast.
 */
final class AnnualReportComposer {

    static final String PUBLISHER_SUFFIX = "老龄委办公室";
    static final String NO_AUDIT = "本版本尚无稽核结果。";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String[] SECTION_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final int FORECAST_YEARS = 5;

    /** A KPI theme of the report: its catalog group, heading, and which KPIs its district table shows. */
    private record Theme(String group, String heading, List<String> districtColumns) {
    }

    private static final List<Theme> THEMES = List.of(
            new Theme("population", "老年人口基本情况",
                    List.of("pop_total", "pop_60", "aging_rate_60", "pop_65", "pop_80", "pop_100")),
            new Theme("services", "养老服务",
                    List.of("beds_total", "beds_per_1000", "nursing_bed_share", "service_orders", "visit_rate")),
            new Theme("allowances", "补贴与社会保障",
                    List.of("longevity_recipients", "longevity_coverage", "longevity_amount", "pension_coverage",
                            "accident_insurance_rate")),
            new Theme("health", "老年健康管理",
                    List.of("health_mgmt_rate", "family_doctor_rate", "hypertension_rate", "diabetes_rate")));

    private final AnnualFigures f;
    private final ChartRenderer charts;
    private final AuditRuleNames ruleNames;
    private final List<ReportDocument.Block> blocks = new ArrayList<>();
    private int section;
    private int tables;
    private int figures;

    private AnnualReportComposer(AnnualFigures figures, ChartRenderer charts, AuditRuleNames ruleNames) {
        this.f = figures;
        this.charts = charts;
        this.ruleNames = ruleNames;
    }

    /**
     * @param projection the forecast, or empty with {@code projectionGap} saying why there is none
     */
    static ReportDocument compose(AnnualFigures figures, Optional<Projection> projection, String projectionGap,
            ChartRenderer charts, AuditRuleNames ruleNames, OffsetDateTime generatedAt) {
        AnnualReportComposer composer = new AnnualReportComposer(figures, charts, ruleNames);
        composer.introduction();
        for (Theme theme : THEMES) {
            composer.theme(theme);
        }
        composer.targets();
        composer.audit();
        composer.forecast(projection, projectionGap);
        composer.dataNotes();
        String title = title(figures);
        List<String> cover = List.of(
                "发布单位：" + publisher(figures),
                "数据版本：第 " + figures.version + " 版（" + DATE_TIME.format(figures.publishedAt) + " 发布）",
                "数据截至：" + monthEnd(figures.reference),
                "生成时间：" + DATE_TIME.format(generatedAt));
        ReportDocument.Metadata metadata = new ReportDocument.Metadata(title, publisher(figures),
                figures.year + "年度老龄事业发展状况报告",
                "数据版本 " + figures.version + "; 发布 " + figures.publishedAt + "; 截至 " + figures.reference);
        return new ReportDocument(title, cover, List.copyOf(composer.blocks), metadata);
    }

    static String title(AnnualFigures f) {
        return f.city.name() + "老年人口信息和老龄事业发展状况报告（" + f.year + "年）";
    }

    static String publisher(AnnualFigures f) {
        return f.city.name() + PUBLISHER_SUFFIX;
    }

    // ---- labels --------------------------------------------------------------------------------------------------

    /** 2024年末 for December, else 2024年11月末. */
    static String monthEnd(YearMonth month) {
        return month.getMonthValue() == 12 ? month.getYear() + "年末"
                : month.getYear() + "年" + month.getMonthValue() + "月末";
    }

    /** How prose names the comparison month: 上年末, or the month itself. */
    private String baselineWords() {
        return f.baseline.equals(YearMonth.of(f.year - 1, 12)) ? "上年末" : monthEnd(f.baseline);
    }

    /** The months a year total covers: 全年, or 1—11月. */
    private String span() {
        YearMonth first = f.months.get(0);
        YearMonth last = f.reference;
        if (first.getMonthValue() == 1 && last.getMonthValue() == 12) {
            return "全年";
        }
        return first.equals(last) ? first.getMonthValue() + "月" : first.getMonthValue() + "—" + last.getMonthValue() + "月";
    }

    private String figureName(KpiDefinition kpi) {
        return f.summedOverTheYear(kpi) ? kpi.name() + "（" + (span().equals("全年") ? "全年合计" : span() + "累计") + "）"
                : kpi.name();
    }

    // ---- blocks --------------------------------------------------------------------------------------------------

    private void heading(String text) {
        blocks.add(new ReportDocument.Heading(1, SECTION_NUMBERS[section++] + "、" + text));
    }

    private void paragraph(String text) {
        blocks.add(new ReportDocument.Paragraph(text));
    }

    private void note(String text) {
        blocks.add(new ReportDocument.Note(text));
    }

    private void table(String caption, List<String> headers, List<List<String>> rows, double[] widths,
            boolean[] numeric) {
        blocks.add(new ReportDocument.Table("表" + ++tables + "  " + caption, headers, rows, widths, numeric));
    }

    private String nextFigureCaption(String caption) {
        return "图" + ++figures + "  " + caption;
    }

    // ---- sections ------------------------------------------------------------------------------------------------

    private void introduction() {
        paragraph("本报告依据" + f.city.name() + "各成员单位报送、经银龄数仓汇总发布的第" + f.version + "版数据（"
                + DATE_TIME.format(f.publishedAt) + "发布）编制，统计截至" + monthEnd(f.reference)
                + "。报告中的全部数字均取自这一数据版本，以该版本重新生成本报告，数字保持不变。");
    }

    private void theme(Theme theme) {
        heading(theme.heading());
        List<KpiDefinition> kpis = f.catalog.all().stream().filter(k -> k.group().equals(theme.group())).toList();
        if (theme.group().equals("population")) {
            populationProse();
        } else {
            paragraph(enumeration(kpis));
        }
        indicatorTable(f.catalog.groups().getOrDefault(theme.group(), theme.heading()) + "主要指标", kpis);
        List<KpiDefinition> columns = theme.districtColumns().stream().map(f.catalog::find)
                .flatMap(Optional::stream).toList();
        districtTable("各区（县）" + theme.heading() + "主要指标", columns);
        switch (theme.group()) {
            case "population" -> populationCharts();
            case "services" -> districtBars("nursing_bed_share");
            case "allowances" -> monthlyLines("高龄津贴覆盖率月度变化", List.of("longevity_coverage"));
            case "health" -> districtBars("health_mgmt_rate");
            default -> {
            }
        }
    }

    private String v(String code) {
        return ReportNumbers.prose(f.kpi(code), f.city(code));
    }

    /** ，比上年末提高1.50个百分点 — or nothing when either figure is missing. */
    private String changeClause(String code) {
        KpiDefinition kpi = f.kpi(code);
        Figure now = f.city(code);
        Figure before = f.baselineFigure(kpi, f.city.regionCode(), null);
        if (f.baseline == null || !now.ok() || !before.ok()) {
            return "";
        }
        String change = ReportNumbers.change(kpi, now.value(), before.value());
        return change.equals("持平") ? "，与" + baselineWords() + "持平" : "，比" + baselineWords() + change;
    }

    private void populationProse() {
        paragraph("截至" + monthEnd(f.reference) + "，全市户籍总人口" + v("pop_total") + "，其中60岁及以上老年人口"
                + v("pop_60") + changeClause("pop_60") + "，占总人口的" + v("aging_rate_60") + changeClause("aging_rate_60")
                + "；65岁及以上老年人口" + v("pop_65") + "，占总人口的" + v("aging_rate_65") + changeClause("aging_rate_65")
                + "；80岁及以上高龄老人" + v("pop_80") + "，占老年人口的" + v("oldest_old_share") + "；百岁老人"
                + v("pop_100") + "。老年抚养比为" + v("old_age_dependency") + "。");
        paragraph("全市独居老人" + v("living_alone") + "，空巢老人" + v("empty_nest") + "，特殊困难老人" + v("special_hardship")
                + "，失能老人" + v("disabled_elderly") + "；" + span() + "老年人死亡" + v("elderly_deaths") + "。");
    }

    /** 截至2024年末，全市A 12个，B 3.50%……：every KPI of a theme in catalog order, 暂无数据 where there is none. */
    private String enumeration(List<KpiDefinition> kpis) {
        List<String> clauses = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            Figure figure = f.figure(kpi, f.city.regionCode(), null);
            String name = f.summedOverTheYear(kpi) ? span() + kpi.name() : kpi.name();
            String clause = name + ReportNumbers.prose(kpi, figure);
            List<String> parts = new ArrayList<>();
            if (figure.ok()) {
                for (String breakdown : f.breakdowns(kpi)) {
                    Figure part = f.figure(kpi, f.city.regionCode(), breakdown);
                    if (part.ok()) {
                        parts.add(kpi.breakdownLabel(breakdown) + ReportNumbers.prose(kpi, part));
                    }
                }
            }
            if (!parts.isEmpty()) {
                clause += "（其中" + String.join("、", parts) + "）";
            }
            clauses.add(clause);
        }
        return "截至" + monthEnd(f.reference) + "，全市" + String.join("，", clauses) + "。";
    }

    private void indicatorTable(String caption, List<KpiDefinition> kpis) {
        boolean compare = f.baseline != null;
        List<String> headers = new ArrayList<>(List.of("指标", "单位", monthEnd(f.reference)));
        if (compare) {
            headers.addAll(List.of(monthEnd(f.baseline), "变化"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            rows.add(indicatorRow(kpi, figureName(kpi), null, compare));
            for (String breakdown : f.breakdowns(kpi)) {
                rows.add(indicatorRow(kpi, "    其中：" + kpi.breakdownLabel(breakdown), breakdown, compare));
            }
        }
        double[] widths = compare ? new double[] {4.2, 1, 1.6, 1.6, 1.3} : new double[] {4.2, 1, 1.6};
        boolean[] numeric = compare ? new boolean[] {false, false, true, true, true} : new boolean[] {false, false, true};
        table(caption, headers, rows, widths, numeric);
    }

    private List<String> indicatorRow(KpiDefinition kpi, String name, String breakdown, boolean compare) {
        Figure now = f.figure(kpi, f.city.regionCode(), breakdown);
        List<String> row = new ArrayList<>(List.of(name, kpi.unit() == null ? "" : kpi.unit(),
                ReportNumbers.cell(kpi, now)));
        if (compare) {
            Figure before = f.baselineFigure(kpi, f.city.regionCode(), breakdown);
            row.add(f.summedOverTheYear(kpi) ? "—" : ReportNumbers.cell(kpi, before));
            row.add(now.ok() && before.ok() ? ReportNumbers.signedCell(kpi, now.value(), before.value()) : "—");
        }
        return row;
    }

    private void districtTable(String caption, List<KpiDefinition> columns) {
        if (columns.isEmpty() || f.districts.isEmpty()) {
            return;
        }
        List<String> headers = new ArrayList<>(List.of("区（县）"));
        columns.forEach(k -> headers.add(figureName(k) + ReportNumbers.unitSuffix(k)));
        List<Region> regions = new ArrayList<>(f.districts);
        regions.add(f.city);
        List<List<String>> rows = new ArrayList<>();
        boolean any = false;
        for (Region region : regions) {
            List<String> row = new ArrayList<>(List.of(region == f.city ? "全市" : region.name()));
            for (KpiDefinition kpi : columns) {
                Figure figure = f.figure(kpi, region.regionCode(), null);
                any |= figure.ok();
                row.add(ReportNumbers.cell(kpi, figure));
            }
            rows.add(row);
        }
        if (!any) {
            note(caption + "：本版本暂无分区（县）数据。");
            return;
        }
        double[] widths = new double[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        Arrays.fill(widths, 1.3);
        Arrays.fill(numeric, true);
        widths[0] = 1.4;
        numeric[0] = false;
        table(caption + "（" + monthEnd(f.reference) + "）", headers, rows, widths, numeric);
    }

    private List<String> monthLabels() {
        return f.months.stream().map(m -> m.getMonthValue() + "月").toList();
    }

    private void monthlyLines(String caption, List<String> codes) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        String unit = null;
        for (String code : codes) {
            Optional<KpiDefinition> kpi = f.catalog.find(code);
            if (kpi.isEmpty()) {
                continue;
            }
            List<Double> values = f.monthly(kpi.get(), f.city.regionCode());
            if (f.anyFigure(values)) {
                series.put(kpi.get().name(), values);
                unit = kpi.get().unit();
            }
        }
        if (series.isEmpty()) {
            return;
        }
        blocks.add(charts.lines(nextFigureCaption(f.year + "年" + caption), axisLabel(unit), monthLabels(), series));
    }

    private static String axisLabel(String unit) {
        return unit == null || unit.isEmpty() ? "数值" : "单位：" + unit;
    }

    private void districtBars(String code) {
        Optional<KpiDefinition> found = f.catalog.find(code);
        if (found.isEmpty() || f.districts.isEmpty()) {
            return;
        }
        KpiDefinition kpi = found.get();
        List<Double> values = f.districts.stream().map(d -> f.figure(kpi, d.regionCode(), null))
                .map(x -> x.ok() ? x.value() : null).toList();
        if (!f.anyFigure(values)) {
            return;
        }
        Target target = f.target(kpi);
        blocks.add(charts.bars(nextFigureCaption("各区（县）" + kpi.name() + "（" + monthEnd(f.reference) + "）"),
                axisLabel(kpi.unit()), f.districts.stream().map(Region::name).toList(), values,
                target == null ? null : "目标" + target + (kpi.unit() == null ? "" : kpi.unit()),
                target == null ? null : target.value()));
    }

    private void populationCharts() {
        monthlyLines("老龄化率月度变化", List.of("aging_rate_60", "aging_rate_65"));
        districtBars("aging_rate_60");
        if (f.pyramid == null) {
            note("本数据版本没有人口年龄结构数据（mart_population_pyramid），未绘制人口金字塔。");
            return;
        }
        Map<String, long[]> bands = new LinkedHashMap<>();
        f.pyramid.stream().map(ReportQueries.PyramidCell::ageBand).distinct()
                .sorted(Comparator.comparingInt(AnnualReportComposer::bandStart))
                .forEach(b -> bands.put(b, new long[2]));
        for (ReportQueries.PyramidCell cell : f.pyramid) {
            bands.get(cell.ageBand())["M".equals(cell.sex()) ? 0 : 1] += cell.population();
        }
        if (bands.isEmpty()) {
            note("本数据版本没有" + monthEnd(f.reference) + "的人口年龄结构数据，未绘制人口金字塔。");
            return;
        }
        blocks.add(charts.pyramid(nextFigureCaption(f.city.name() + "户籍人口金字塔（" + monthEnd(f.reference) + "）"),
                List.copyOf(bands.keySet()), bands.values().stream().map(b -> b[0]).toList(),
                bands.values().stream().map(b -> b[1]).toList()));
    }

    /** 0-14 → 0, 100+ → 100: the order of dim_age_band. */
    static int bandStart(String band) {
        String digits = band.replaceAll("^(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    // ---- targets -------------------------------------------------------------------------------------------------

    private enum Outcome {
        met("达标"), not_met("未达标"), no_data(NO_DATA), no_value(ReportNumbers.NO_VALUE);

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private Outcome outcome(KpiDefinition kpi, Target target, String regionCode) {
        Figure figure = f.figure(kpi, regionCode, null);
        if (figure.status() == AnnualFigures.Status.no_data) {
            return Outcome.no_data;
        }
        if (figure.status() == AnnualFigures.Status.no_value) {
            return Outcome.no_value;
        }
        return TargetStatus.of(target, figure.value()) == TargetStatus.met ? Outcome.met : Outcome.not_met;
    }

    private static String targetText(KpiDefinition kpi, Target target) {
        return target + (kpi.unit() == null ? "" : kpi.unit());
    }

    private void targets() {
        heading("主要指标目标完成情况");
        List<KpiDefinition> withTargets = f.catalog.all().stream().filter(k -> f.target(k) != null).toList();
        if (withTargets.isEmpty()) {
            paragraph("本年度未设定指标目标值。");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        Map<Outcome, List<KpiDefinition>> byOutcome = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, new ArrayList<>());
        }
        for (KpiDefinition kpi : withTargets) {
            Target target = f.target(kpi);
            Outcome outcome = outcome(kpi, target, f.city.regionCode());
            byOutcome.get(outcome).add(kpi);
            rows.add(List.of(figureName(kpi), targetText(kpi, target),
                    ReportNumbers.prose(kpi, f.figure(kpi, f.city.regionCode(), null)), outcome.label));
        }
        StringBuilder text = new StringBuilder("在设有目标值的" + withTargets.size() + "项指标中，" + monthEnd(f.reference)
                + "全市达标" + byOutcome.get(Outcome.met).size() + "项，未达标" + byOutcome.get(Outcome.not_met).size()
                + "项，暂无数据" + byOutcome.get(Outcome.no_data).size() + "项");
        if (!byOutcome.get(Outcome.no_value).isEmpty()) {
            text.append("，无法计算").append(byOutcome.get(Outcome.no_value).size()).append("项");
        }
        text.append("。");
        if (!byOutcome.get(Outcome.not_met).isEmpty()) {
            text.append("未达标的指标为：").append(byOutcome.get(Outcome.not_met).stream()
                    .map(k -> k.name() + "（实际" + ReportNumbers.prose(k, f.figure(k, f.city.regionCode(), null))
                            + "，目标" + targetText(k, f.target(k)) + "）")
                    .collect(Collectors.joining("、"))).append("。");
        } else if (!byOutcome.get(Outcome.met).isEmpty()) {
            text.append("有数据的指标均已达标。");
        }
        paragraph(text.toString());
        table("主要指标目标完成情况（全市，" + monthEnd(f.reference) + "）", List.of("指标", "目标值", "实际值", "完成情况"), rows,
                new double[] {4.2, 1.4, 1.6, 1.2}, new boolean[] {false, true, true, false});
        note("完成情况按指标方向判断：越高越好的指标以实际值不低于目标为达标，越低越好的指标以实际值不高于目标为达标；"
                + "“暂无数据”表示本数据版本中没有该指标的数据，并非为零。");
        districtTargets(withTargets);
    }

    private void districtTargets(List<KpiDefinition> withTargets) {
        if (f.districts.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Region district : f.districts) {
            Map<Outcome, Long> counts = withTargets.stream()
                    .collect(Collectors.groupingBy(k -> outcome(k, f.target(k), district.regionCode()),
                            Collectors.counting()));
            rows.add(List.of(district.name(), String.valueOf(counts.getOrDefault(Outcome.met, 0L)),
                    String.valueOf(counts.getOrDefault(Outcome.not_met, 0L)),
                    String.valueOf(counts.getOrDefault(Outcome.no_data, 0L) + counts.getOrDefault(Outcome.no_value, 0L))));
        }
        table("各区（县）指标目标完成情况（" + monthEnd(f.reference) + "，单位：项）", List.of("区（县）", "达标", "未达标", "暂无数据或无法计算"),
                rows, new double[] {2, 1, 1, 1}, new boolean[] {false, true, true, true});
    }

    // ---- audit ---------------------------------------------------------------------------------------------------

    private String ruleLabel(String rule) {
        return ruleNames.name(rule).map(name -> rule + " " + name).orElse(rule);
    }

    private void audit() {
        heading("数据比对稽核情况");
        if (f.audit == null) {
            paragraph(NO_AUDIT);
            note("跨部门数据比对（稽核规则）运行后发布的数据版本将包含稽核汇总（mart_audit_summary），届时本节列出各规则发现的疑似问题。");
            return;
        }
        List<ReportQueries.AuditCount> city = f.audit.stream()
                .filter(a -> a.regionLevel() == 2 && a.regionCode().equals(f.city.regionCode())).toList();
        long findings = city.stream().mapToLong(ReportQueries.AuditCount::findings).sum();
        double amount = city.stream().map(ReportQueries.AuditCount::amount).filter(x -> x != null)
                .mapToDouble(Double::doubleValue).sum();
        if (findings == 0) {
            paragraph(f.year + "年" + span() + "，跨部门数据比对未发现疑似问题。");
            return;
        }
        List<ReportQueries.AuditCount> ranked = city.stream().filter(a -> a.findings() > 0)
                .sorted(Comparator.comparingLong(ReportQueries.AuditCount::findings).reversed()
                        .thenComparing(ReportQueries.AuditCount::rule))
                .toList();
        paragraph(f.year + "年" + span() + "，通过跨部门数据比对共发现疑似问题" + findings + "条，涉及金额"
                + ReportNumbers.money(amount) + "。其中" + ranked.stream().limit(3)
                .map(a -> ruleLabel(a.rule()) + a.findings() + "条")
                .collect(Collectors.joining("，")) + "。疑似问题为比对线索，需经核实后认定。");
        List<List<String>> rows = new ArrayList<>();
        for (ReportQueries.AuditCount a : city.stream().sorted(Comparator.comparing(ReportQueries.AuditCount::rule))
                .toList()) {
            rows.add(List.of(a.rule(), ruleNames.name(a.rule()).orElse(""), String.valueOf(a.findings()),
                    ReportNumbers.fixed2(a.amount() == null ? 0 : a.amount())));
        }
        table("稽核规则发现情况（全市，" + span() + "）", List.of("规则", "规则名称", "疑似问题（条）", "涉及金额（元）"), rows,
                new double[] {1, 3.6, 1.5, 1.8}, new boolean[] {false, false, true, true});
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        Map<String, Double> amountByDistrict = new LinkedHashMap<>();
        for (Region d : f.districts) {
            byDistrict.put(d.regionCode(), new long[1]);
            amountByDistrict.put(d.regionCode(), 0.0);
        }
        for (ReportQueries.AuditCount a : f.audit) {
            if (a.regionLevel() == 3 && byDistrict.containsKey(a.regionCode())) {
                byDistrict.get(a.regionCode())[0] += a.findings();
                amountByDistrict.merge(a.regionCode(), a.amount() == null ? 0 : a.amount(), Double::sum);
            }
        }
        if (!f.districts.isEmpty()) {
            Function<Region, List<String>> row = d -> List.of(d.name(), String.valueOf(byDistrict.get(d.regionCode())[0]),
                    ReportNumbers.fixed2(amountByDistrict.get(d.regionCode())));
            table("各区（县）稽核发现情况（" + span() + "）", List.of("区（县）", "疑似问题（条）", "涉及金额（元）"),
                    f.districts.stream().map(row).toList(), new double[] {2, 1.5, 1.8}, new boolean[] {false, true, true});
        }
    }

    // ---- forecast ------------------------------------------------------------------------------------------------

    private void forecast(Optional<Projection> projection, String gap) {
        heading("老年人口发展预测");
        if (projection.isEmpty()) {
            paragraph(gap);
            return;
        }
        Projection p = projection.get();
        if (p.version() != f.version) {
            paragraph("发展预测所用数据版本（第" + p.version() + "版）与本报告（第" + f.version + "版）不一致，未列入本报告。");
            return;
        }
        List<Projection.Year> ahead = p.years().stream().filter(y -> !y.observed()).toList();
        if (ahead.isEmpty()) {
            paragraph("发展预测没有给出预测年份的结果。");
            return;
        }
        KpiDefinition pop60 = f.kpi("pop_60");
        KpiDefinition rate60 = f.kpi("aging_rate_60");
        KpiDefinition pop80 = f.kpi("pop_80");
        Projection.Year last = ahead.get(ahead.size() - 1);
        paragraph("以" + YearMonth.parse(p.baseMonth()).getYear() + "年" + YearMonth.parse(p.baseMonth()).getMonthValue()
                + "月末户籍人口为基期，" + p.method() + "，预计到" + last.year() + "年，全市60岁及以上老年人口约"
                + range(pop60, last.pop60()) + "，老龄化率约" + range(rate60, last.agingRate60()) + "；80岁及以上高龄老人约"
                + range(pop80, last.pop80()) + "。");
        List<List<String>> rows = new ArrayList<>();
        for (Projection.Year y : p.years()) {
            rows.add(List.of(y.year() + (y.observed() ? "（实际）" : ""), cell(pop60, y.pop60().central()),
                    y.observed() ? "—" : cell(pop60, y.pop60().low()) + "—" + cell(pop60, y.pop60().high()),
                    cell(rate60, y.agingRate60().central()), cell(pop80, y.pop80().central())));
        }
        table("全市老年人口预测（中方案及区间）", List.of("年份", "60岁及以上老年人口（人）", "区间（人）", "老龄化率(60岁+)（%）",
                "80岁及以上高龄老人（人）"), rows, new double[] {1.2, 1.8, 2.2, 1.6, 1.8},
                new boolean[] {false, true, true, true, true});
        List<String> years = p.years().stream().map(y -> String.valueOf(y.year())).toList();
        blocks.add(charts.band(nextFigureCaption("全市60岁及以上老年人口预测"), "单位：人", years,
                p.years().stream().map(y -> y.pop60().low()).toList(),
                p.years().stream().map(y -> y.pop60().central()).toList(),
                p.years().stream().map(y -> y.pop60().high()).toList()));
        p.notes().forEach(this::note);
    }

    private static String cell(KpiDefinition kpi, Double value) {
        return value == null ? NO_DATA : ReportNumbers.cell(kpi, value);
    }

    /** 12.30万人（12.10万—12.50万人）: the central figure and its range. */
    private static String range(KpiDefinition kpi, Projection.Range r) {
        if (r == null || r.central() == null) {
            return NO_DATA;
        }
        String central = ReportNumbers.prose(kpi, r.central());
        if (r.low() == null || r.high() == null) {
            return central;
        }
        return central + "（" + ReportNumbers.prose(kpi, r.low()) + "—" + ReportNumbers.prose(kpi, r.high()) + "）";
    }

    // ---- data notes ----------------------------------------------------------------------------------------------

    private void dataNotes() {
        blocks.add(new ReportDocument.Heading(1, "附：数据说明"));
        paragraph("数据来源：本报告全部数据取自银龄数仓第" + f.version + "版已发布数据（" + DATE_TIME.format(f.publishedAt) + "发布"
                + (f.lineage.known() ? "，汇总了" + f.lineage.batchCount() + "个报送批次" : "") + "），统计截至"
                + monthEnd(f.reference) + "。人口按户籍登记统计，年龄按统计月末的周岁计算；比率由各级的分子、分母汇总后计算。"
                + "“暂无数据”表示该指标在本数据版本中没有数据（相关单位尚未报送或尚未计算），并非为零；“无法计算”表示分母为零。");
        List<KpiDefinition> quality = f.catalog.all().stream().filter(k -> k.group().equals("quality")).toList();
        if (!quality.isEmpty()) {
            indicatorTable("数据质量", quality);
        }
    }
}
