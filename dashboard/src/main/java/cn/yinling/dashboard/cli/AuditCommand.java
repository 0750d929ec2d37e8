package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.MarkRow;
import cn.yinling.dashboard.audit.MarkStatus;
import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.serve.AuditFinding;
import cn.yinling.warehouse.serve.AuditReader;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aging audit}: the findings of the live version (spec/cli.md), read through the same reader as the 稽核
 * page, with each finding's current mark from the app store. No name or ID number: persons are person_keys.
 */
@Command(name = "audit", description = "查询数据比对稽核疑点（已发布的最新版本）")
final class AuditCommand implements Callable<Integer> {

    enum Format {
        table, csv, json
    }

    @Option(names = "--month", description = "月份 YYYY-MM（默认全部月份）")
    String month;

    @Option(names = "--rule", description = "稽核规则代码 A01–A10（默认全部规则）")
    String rule;

    @Option(names = "--region", description = "区划代码（6、9 或 12 位），含其下级；默认全市")
    String region;

    @Option(names = "--format", defaultValue = "table", description = "table|csv|json（默认 ${DEFAULT-VALUE}）")
    Format format;

    @Override
    public Integer call() {
        String ruleCode = rule == null ? null : rule.trim().toUpperCase();
        if (ruleCode != null && AuditRules.defaults().find(ruleCode).isEmpty()) {
            throw new RefusedInputException("未知稽核规则：" + rule + "。可用规则：" + AuditRules.defaults().all().stream()
                    .map(r -> r.code() + " " + r.name()).collect(Collectors.joining("、")));
        }
        String monthText = month == null ? null : parseMonth(month);
        String regionCode = region == null ? null : RegionCodes.toTwelveDigits(region);
        AgingHome home = AgingCli.home();
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            if (monthText != null) {
                List<String> months = reader.months();
                if (!months.contains(monthText)) {
                    throw new RefusedInputException("数据版本 " + reader.liveVersion().orElse(0) + " 中没有 " + monthText
                            + " 的数据" + (months.isEmpty() ? "。" : "，可选月份为 " + months.get(0) + " 至 "
                            + months.get(months.size() - 1) + "。"));
                }
            }
            if (regionCode != null && reader.region(regionCode).isEmpty()) {
                throw new RefusedInputException("当前数据版本中没有区划代码 " + regionCode + "，请检查后重试（例如全市 "
                        + reader.cities().stream().findFirst().map(r -> r.regionCode()).orElse("320300000000") + "）。");
            }
            List<AuditFinding> findings = new AuditReader(reader).read(s -> s.hasFindings()
                    ? s.queries().findings(ruleCode, monthText, regionCode, Long.MAX_VALUE, 0) : null);
            if (findings == null) {
                System.err.println(AuditReader.NO_RESULTS + "（运行 ./aging etl 生成新版本后才有稽核疑点）");
                findings = List.of();
            }
            Map<String, String> marks = marks(home, findings);
            System.out.print(switch (format) {
                case csv -> AuditOutput.csv(findings, marks);
                case json -> AuditOutput.json(findings, marks);
                case table -> AuditOutput.table(findings, marks);
            });
            return 0;
        } catch (NoPublishedVersionException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static String parseMonth(String text) {
        try {
            if (text.trim().matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text.trim()).toString();
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new RefusedInputException("月份格式应为 YYYY-MM，例如 2024-12，实际为 " + text);
    }

    /** The current mark's status code of each finding that has one (none when the app store was never created). */
    private static Map<String, String> marks(AgingHome home, List<AuditFinding> findings) {
        if (findings.isEmpty() || !Files.exists(home.root().resolve("app").resolve("app.db"))) {
            return Map.of();
        }
        AppStore store = AppStore.open(home);
        Map<String, String> marks = new HashMap<>();
        List<String> ids = findings.stream().map(AuditFinding::findingId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            for (MarkRow m : store.auditMarks().current(ids.subList(i, Math.min(ids.size(), i + 1000)))) {
                marks.put(m.findingId(), m.status());
            }
        }
        return marks;
    }

    static String ruleName(String code) {
        return AuditRules.defaults().find(code).map(AuditRule::name).orElse(code);
    }

    static String markLabel(Map<String, String> marks, String findingId) {
        String status = marks.get(findingId);
        return status == null ? "" : MarkStatus.labelOf(status);
    }
}
