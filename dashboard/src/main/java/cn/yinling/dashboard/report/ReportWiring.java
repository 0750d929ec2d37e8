package cn.yinling.dashboard.report;

import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;

/**
 * The one place where the report is connected to parts built on other branches; the CLI and the web app both get
 * their sources here.
 */
final class ReportWiring {

    private ReportWiring() {
    }

    /**
     * TODO(coordinator, once branch forecast is merged): return an adapter over cn.yinling.warehouse.forecast, e.g.
     * <pre>
     * (pinned, years) -> {
     *     ForecastInputs inputs = ForecastService.read(pinned.jdbi());   // now private: make it package-visible or public
     *     Forecast f = ForecastEngine.forecast(inputs, years, pinned.number());
     *     Forecast.RegionForecast city = f.regions().get(0);             // the city comes first
     *     // map city.points(): Indicator.pop_60 / aging_rate_60 / pop_80 Bands → Projection.Year (Range low/central/high),
     *     // f.baseMonth(), f.notes(), a method sentence (队列要素法，中方案及高低方案)
     *     // ForecastUnavailableException → ProjectionSource.ProjectionUnavailableException(e.getMessage())
     * }
     * </pre>
     * ForecastService.forecast(years) reads the live version, which may have moved on since the report pinned its
     * own; compute from {@code pinned.jdbi()} instead so the forecast and the other figures share one version.
     */
    static ProjectionSource projections() {
        return ProjectionSource.NOT_CONNECTED;
    }

    /** The rule names of the audit rule catalog (warehouse resource cn/yinling/warehouse/audit/rules.json). */
    static AuditRuleNames auditRuleNames() {
        return rule -> AuditRules.defaults().find(rule).map(AuditRule::name);
    }
}
