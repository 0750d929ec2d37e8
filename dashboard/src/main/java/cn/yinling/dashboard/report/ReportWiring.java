package cn.yinling.dashboard.report;

import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.forecast.Band;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.ForecastService;
import cn.yinling.warehouse.forecast.ForecastUnavailableException;
import cn.yinling.warehouse.forecast.Indicator;
import java.util.List;

/**
 * The one place where the report is connected to the forecast and the audit rule catalog; the CLI and the web app
 * both get their sources here.
 */
final class ReportWiring {

    private ReportWiring() {
    }

    /**
     * The city's projection by the forecast engine (cn.yinling.warehouse.forecast), computed from the report's
     * pinned version so that the forecast and the other figures share one version.
     */
    static ProjectionSource projections() {
        return (pinned, years) -> {
            Forecast forecast;
            try {
                forecast = ForecastService.forecastOf(pinned.jdbi(), pinned.number(), years);
            } catch (ForecastUnavailableException e) {
                throw new ProjectionSource.ProjectionUnavailableException(e.getMessage());
            }
            Forecast.RegionForecast city = forecast.regions().get(0);
            List<Projection.Year> points = city.points().stream().map(ReportWiring::year).toList();
            return new Projection(forecast.version(), forecast.baseMonth(), METHOD, forecast.notes(), points);
        };
    }

    private static final String METHOD = "采用队列要素法（按单岁组、分性别的存活率和净迁移率逐年推算，存活率由近年死亡登记估计，"
            + "高龄段以Gompertz–Makeham模型平滑）测算，给出中方案及高、低方案区间";

    private static Projection.Year year(Forecast.YearPoint point) {
        return new Projection.Year(point.year(), point.month(), point.observed(),
                range(point.values().get(Indicator.pop_60)), range(point.values().get(Indicator.aging_rate_60)),
                range(point.values().get(Indicator.pop_80)));
    }

    private static Projection.Range range(Band band) {
        return band == null ? null : new Projection.Range(band.low(), band.central(), band.high());
    }

    /** The rule names of the audit rule catalog (warehouse resource cn/yinling/warehouse/audit/rules.json). */
    static AuditRuleNames auditRuleNames() {
        return rule -> AuditRules.defaults().find(rule).map(AuditRule::name);
    }
}
