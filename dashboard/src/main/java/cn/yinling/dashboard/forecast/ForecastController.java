package cn.yinling.dashboard.forecast;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.forecast.Backtest;
import cn.yinling.warehouse.forecast.DeathRates;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.ForecastEngine;
import cn.yinling.warehouse.forecast.ForecastModel;
import cn.yinling.warehouse.forecast.ForecastService;
import cn.yinling.warehouse.forecast.ForecastUnavailableException;
import cn.yinling.warehouse.forecast.Indicator;
import cn.yinling.warehouse.forecast.RateBasis;
import cn.yinling.warehouse.forecast.Scenario;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.Region;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The 发展预测 page's API: a region's projection with its band, and the backtest. */
public final class ForecastController {

    public static final int DEFAULT_YEARS = 10;

    /** Name and unit of an indicator, from the KPI catalog. */
    public record IndicatorLabel(String code, String name, String unit) {
    }

    /** The numbers the page states in its method section. */
    public record Method(int rateWindowMonths, int fitFromAge, int minFitDeaths, double shrinkDeaths,
                         int mortalitySpreadPercent, int flowSpreadPercent, double openGroupAge) {
    }

    public record ForecastAnswer(int version, String baseMonth, int years, List<Region> regions,
                                 List<IndicatorLabel> indicators, Forecast.RegionForecast forecast, RateBasis basis,
                                 List<String> notes, Method method) {
    }

    private static final Method METHOD = new Method(ForecastModel.RATE_WINDOW_MONTHS, DeathRates.FIT_FROM,
            DeathRates.MIN_FIT_DEATHS, DeathRates.SHRINK_DEATHS, Scenario.MORTALITY_SPREAD_PERCENT,
            Scenario.FLOW_SPREAD_PERCENT, DeathRates.OPEN_GROUP_AGE);

    private final Dependencies deps;
    private final ForecastService service;

    public ForecastController(Dependencies deps) {
        this.deps = deps;
        this.service = new ForecastService(deps.warehouse());
    }

    /** GET /api/v1/forecast?region=&years= */
    public void forecast(Context ctx) {
        int years = years(ctx);
        ForecastAnswer answer = available(() -> {
            Forecast forecast = service.forecast(years);
            String code = ctx.queryParam("region");
            Forecast.RegionForecast region = code == null || code.isBlank() ? forecast.regions().get(0)
                    : forecast.region(code.trim()).orElseThrow(() -> ApiException.badRequest(
                            "发展预测只到区县级：请选择本市或其下属区县（区划代码 " + code + " 不在其中）。"));
            return new ForecastAnswer(forecast.version(), forecast.baseMonth(), forecast.years(), service.regions(),
                    labels(), region, forecast.basis(), forecast.notes(), METHOD);
        });
        ctx.json(answer);
    }

    /** GET /api/v1/forecast/backtest */
    public void backtest(Context ctx) {
        Backtest backtest = available(service::backtest);
        ctx.json(backtest);
    }

    private List<IndicatorLabel> labels() {
        return Arrays.stream(Indicator.values()).map(i -> {
            KpiDefinition kpi = deps.catalog().get(i.name());
            return new IndicatorLabel(i.name(), kpi.name(), kpi.unit());
        }).toList();
    }

    private static int years(Context ctx) {
        String text = ctx.queryParam("years");
        if (text == null || text.isBlank()) {
            return DEFAULT_YEARS;
        }
        try {
            int years = Integer.parseInt(text.trim());
            if (years >= 1 && years <= ForecastEngine.MAX_YEARS) {
                return years;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("预测年数应为 1–" + ForecastEngine.MAX_YEARS + " 之间的整数，实际为：" + text);
    }

    private static <T> T available(Supplier<T> work) {
        try {
            return work.get();
        } catch (ForecastUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }
}
