package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.KpiFilter;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import cn.yinling.warehouse.serve.RegionLevel;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aging kpi}: KPI values of the live version, read through the same reader as the dashboard. */
@Command(name = "kpi", description = "查询指标（已发布的最新版本）")
final class KpiCommand implements Callable<Integer> {

    enum Format {
        table, csv, json
    }

    @Option(names = "--month", description = "月份 YYYY-MM（默认最新月份）")
    YearMonth month;

    @Option(names = "--from", description = "起始月份 YYYY-MM")
    YearMonth from;

    @Option(names = "--to", description = "截止月份 YYYY-MM")
    YearMonth to;

    @Option(names = "--region", description = "区划代码（6、9 或 12 位），含其下级；默认全市")
    String region;

    @Option(names = "--level", description = "city|district|street|community；默认四级全部")
    String level;

    @Option(names = "--code", description = "指标代码，如 aging_rate_60")
    String code;

    @Option(names = "--format", defaultValue = "table", description = "table|csv|json（默认 ${DEFAULT-VALUE}）")
    Format format;

    @Override
    public Integer call() {
        KpiCatalog catalog = KpiCatalog.withTargets(AgingCli.home().config().resolve("targets.properties"));
        if (code != null && catalog.find(code).isEmpty()) {
            throw new RefusedInputException("未知指标代码：" + code + "。可用代码见 docs 或看板的指标说明，例如 pop_60、aging_rate_60");
        }
        if (month != null && (from != null || to != null)) {
            throw new RefusedInputException("--month 与 --from/--to 只能选其一");
        }
        try (WarehouseReader reader = WarehouseReader.open(AgingCli.home())) {
            KpiFilter filter = filter(reader);
            Map<String, Integer> catalogOrder = catalog.all().stream()
                    .collect(Collectors.toMap(KpiDefinition::code, k -> catalog.all().indexOf(k)));
            List<KpiRow> rows = reader.kpiRows(filter).stream()
                    .sorted(Comparator.comparing(KpiRow::month)
                            .thenComparing(KpiRow::regionLevel)
                            .thenComparing(KpiRow::regionCode)
                            .thenComparing(r -> catalogOrder.getOrDefault(r.kpiCode(), Integer.MAX_VALUE)))
                    .toList();
            Function<KpiRow, KpiDefinition> definition = r -> catalog.get(r.kpiCode());
            System.out.print(switch (format) {
                case csv -> KpiOutput.csv(rows, definition);
                case json -> KpiOutput.json(rows, definition);
                case table -> KpiOutput.table(rows, definition);
            });
            return 0;
        } catch (NoPublishedVersionException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            throw new RefusedInputException(e.getMessage());
        }
    }

    private KpiFilter filter(WarehouseReader reader) {
        KpiFilter filter = KpiFilter.all();
        if (from != null || to != null) {
            filter = filter.months(from, to);
        } else {
            YearMonth chosen = month != null ? month : reader.latestMonth().orElse(null);
            if (chosen != null) {
                filter = KpiFilter.month(chosen);
            }
        }
        if (region != null) {
            filter = filter.region(RegionCodes.toTwelveDigits(region));
        }
        if (level != null) {
            filter = filter.level(RegionLevel.parse(level));
        }
        return code == null ? filter : filter.kpi(code);
    }
}
