package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.forecast.Backtest;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.ForecastEngine;
import cn.yinling.warehouse.forecast.ForecastService;
import cn.yinling.warehouse.forecast.ForecastUnavailableException;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aging forecast}: the cohort-component projection of the live version (the same {@link ForecastService}
 * as the 发展预测 page), or with {@code --backtest} its backtest.
 */
@Command(name = "forecast", description = "发展预测：按单岁年龄和性别的队列要素法人口预测（全市及各区县），含低/中/高区间与回测")
final class ForecastCommand implements Callable<Integer> {

    enum Format {
        table, csv, json
    }

    @Option(names = "--years", defaultValue = "10", description = "预测年数 1–30（默认 ${DEFAULT-VALUE}）")
    int years;

    @Option(names = "--region", description = "区划代码（市或区县，6 或 12 位）；默认全市及全部区县")
    String region;

    @Option(names = "--format", defaultValue = "table", description = "table|csv|json（默认 ${DEFAULT-VALUE}）")
    Format format;

    @Option(names = "--backtest", description = "输出回测（以一年前的数据预测并与实际比较）的误差，而不是预测")
    boolean backtest;

    @Override
    public Integer call() {
        if (years < 1 || years > ForecastEngine.MAX_YEARS) {
            throw new RefusedInputException("--years 应为 1–" + ForecastEngine.MAX_YEARS + " 之间的整数，实际为 " + years);
        }
        String code = region == null ? null : RegionCodes.toTwelveDigits(region);
        KpiCatalog catalog = KpiCatalog.withTargets(AgingCli.home().config().resolve("targets.properties"));
        try (WarehouseReader reader = WarehouseReader.open(AgingCli.home())) {
            ForecastService service = new ForecastService(reader);
            if (code != null && service.regions().stream().noneMatch(r -> r.regionCode().equals(code))) {
                throw new RefusedInputException("发展预测只到区县级：" + code + " 不是本市或其下属区县的区划代码。可用代码："
                        + String.join("、", service.regions().stream().map(r -> r.regionCode() + " " + r.name()).toList()));
            }
            if (backtest) {
                Backtest result = service.backtest();
                if (!result.available()) {
                    System.err.println(result.message());
                    return 1;
                }
                List<Backtest.Row> rows = result.rows().stream()
                        .filter(r -> code == null || r.regionCode().equals(code)).toList();
                System.out.print(switch (format) {
                    case csv -> ForecastOutput.backtestCsv(rows);
                    case json -> ForecastOutput.json(new ForecastOutput.BacktestJson(result.baseMonth(),
                            result.targetMonth(), result.horizonMonths(), result.message(), rows));
                    case table -> ForecastOutput.backtestTable(result, rows, catalog);
                });
                return 0;
            }
            Forecast forecast = service.forecast(years);
            List<Forecast.RegionForecast> regions = forecast.regions().stream()
                    .filter(r -> code == null || r.regionCode().equals(code)).toList();
            System.out.print(switch (format) {
                case csv -> ForecastOutput.csv(regions);
                case json -> ForecastOutput.json(ForecastOutput.forecastJson(forecast, regions));
                case table -> ForecastOutput.table(forecast, regions, catalog);
            });
            return 0;
        } catch (NoPublishedVersionException | ForecastUnavailableException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
