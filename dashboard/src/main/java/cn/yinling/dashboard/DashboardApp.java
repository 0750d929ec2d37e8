package cn.yinling.dashboard;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import cn.yinling.dashboard.catalog.CatalogController;
import cn.yinling.dashboard.forecast.ForecastController;
import cn.yinling.dashboard.kpi.KpiController;
import cn.yinling.dashboard.region.RegionController;
import cn.yinling.dashboard.web.ApiError;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard web app: pages (static files under resources/public, ECharts from its WebJar) and the JSON API
 * under /api/v1. JSON property names are snake_case, like the mart columns and the CLI's CSV.
 */
public final class DashboardApp {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);

    private DashboardApp() {
    }

    /** An unstarted app; call {@code start(port)} on it, or hand it to JavalinTest. */
    public static Javalin create(Dependencies deps) {
        CatalogController catalog = new CatalogController(deps);
        RegionController regions = new RegionController(deps);
        KpiController kpis = new KpiController(deps);
        ForecastController forecasts = new ForecastController(deps);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.jsonMapper(new JavalinJackson().updateMapper(
                    mapper -> mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            // /webjars/echarts/5.3.1/dist/echarts.min.js, served from the WebJar on the class path
            config.staticFiles.enableWebjars();
            config.router.apiBuilder(() -> path("/api/v1", () -> {
                get("/status", catalog::status);
                get("/catalog", catalog::catalog);
                get("/months", catalog::months);
                get("/regions", regions::top);
                get("/regions/{code}", regions::one);
                get("/kpis", kpis::cards);
                get("/kpis/{code}/trend", kpis::trend);
                get("/kpis/{code}/children", kpis::children);
                get("/forecast", forecasts::forecast);
                get("/forecast/backtest", forecasts::backtest);
            }));
        });

        app.exception(NoPublishedVersionException.class, (e, ctx) -> ctx.status(503).json(new ApiError(e.getMessage())));
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError("服务器内部错误，请稍后重试；如持续出现请联系管理员查看日志。"));
        });
        return app;
    }
}
