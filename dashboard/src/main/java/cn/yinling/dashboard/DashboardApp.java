package cn.yinling.dashboard;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import cn.yinling.dashboard.admin.AccountAdminController;
import cn.yinling.dashboard.admin.AuditController;
import cn.yinling.dashboard.admin.ConfigAdminController;
import cn.yinling.dashboard.admin.EtlController;
import cn.yinling.dashboard.audit.FindingsController;
import cn.yinling.dashboard.audit.ProofOfLifeController;
import cn.yinling.dashboard.auth.Access;
import cn.yinling.dashboard.auth.AuthController;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.dashboard.catalog.CatalogController;
import cn.yinling.dashboard.catalog.ThemePage;
import cn.yinling.dashboard.catalog.Themes;
import cn.yinling.dashboard.forecast.ForecastController;
import cn.yinling.dashboard.explorer.ExplorerController;
import cn.yinling.dashboard.explorer.ExportController;
import cn.yinling.dashboard.explorer.TrendExplorer;
import cn.yinling.dashboard.kpi.KpiController;
import cn.yinling.dashboard.population.PyramidController;
import cn.yinling.dashboard.portal.BatchController;
import cn.yinling.dashboard.portal.FeedController;
import cn.yinling.dashboard.portal.SubmissionController;
import cn.yinling.dashboard.region.RegionController;
import cn.yinling.dashboard.report.ReportController;
import cn.yinling.dashboard.web.ApiError;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard web app: pages (static files under resources/public, ECharts from its WebJar) and the JSON API
 * under /api/v1. JSON property names are snake_case, like the mart columns and the CLI's CSV. Every route says who
 * may call it (see {@link AuthFilter}); the KPI API is for every signed-in role.
 */
public final class DashboardApp {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);

    private static final RouteRole[] EVERYONE = Role.everyone();
    private static final RouteRole[] SELF = {Role.leader, Role.planner, Role.uploader, Role.admin,
        Access.BEFORE_PASSWORD_CHANGE};
    private static final RouteRole[] UPLOADERS = {Role.uploader, Role.admin, Access.API_TOKEN};
    private static final RouteRole[] BATCH_READERS = {Role.uploader, Role.planner, Role.admin, Access.API_TOKEN};
    private static final RouteRole[] PORTAL_READERS = {Role.uploader, Role.planner, Role.admin};
    private static final RouteRole[] PLANNERS = {Role.planner, Role.admin};
    /**
     * The committee's own staff: table exports (spec/architecture.md lets them export; an uploader reads the KPI
     * pages, exports nothing) and the audit aggregates without persons (summary, proof-of-life rate).
     */
    private static final RouteRole[] COMMITTEE = {Role.leader, Role.planner, Role.admin};
    private static final RouteRole[] ADMINS = {Role.admin};

    private DashboardApp() {
    }

    /** An unstarted app; call {@code start(port)} on it, or hand it to JavalinTest. */
    public static Javalin create(Dependencies deps) {
        Themes themes = new Themes(deps.catalog());
        CatalogController catalog = new CatalogController(deps, themes);
        RegionController regions = new RegionController(deps);
        KpiController kpis = new KpiController(deps);
        PyramidController population = new PyramidController(deps);
        ThemePage themePage = new ThemePage(themes);
        AuthController auth = new AuthController(deps);
        AuthFilter access = new AuthFilter(deps.accounts(), deps.tokens(), deps.audit());
        BatchController batches = new BatchController(deps);
        FeedController feeds = new FeedController(deps);
        SubmissionController submissions = new SubmissionController(deps);
        AccountAdminController accounts = new AccountAdminController(deps);
        ConfigAdminController cityConfig = new ConfigAdminController(deps);
        AuditController audit = new AuditController(deps);
        EtlController etl = new EtlController(deps);
        ReportController reports = new ReportController(deps);
        TrendExplorer trendExplorer = new TrendExplorer(deps.warehouse(), deps::catalog);
        ExplorerController explorer = new ExplorerController(trendExplorer);
        ExportController exports = new ExportController(deps, trendExplorer, kpis, population, submissions,
                Clock.systemUTC());
        Path uploadCache = uploadCache(deps);
        ForecastController forecasts = new ForecastController(deps);
        FindingsController findings = new FindingsController(deps);
        ProofOfLifeController proofOfLife = new ProofOfLifeController(deps, findings);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.jsonMapper(new JavalinJackson().updateMapper(
                    mapper -> mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)));
            // Uploads stream to disk past 1 MB; the limits stop Jetty reading a body larger than allowed.
            config.jetty.multipartConfig.cacheDirectory(uploadCache.toString());
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxFileSize(deps.settings().maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(deps.settings().maxUploadBytes() + 64 * 1024,
                    SizeUnit.BYTES);
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            // /webjars/echarts/5.3.1/dist/echarts.min.js, served from the WebJar on the class path
            config.staticFiles.enableWebjars();
            config.router.apiBuilder(() -> {
                // pages: index.html (the overview) and the portal's pages are static files; one page per theme
                get("/themes/{group}", themePage::page, EVERYONE);
                path("/api/v1", () -> {
                    get("/openapi.json", DashboardApp::openApi, Access.ANYONE);

                    get("/session/csrf", auth::loginCsrf, Access.ANYONE);
                    post("/session", auth::login, Access.ANYONE);
                    get("/session", auth::me, SELF);
                    post("/session/logout", auth::logout, SELF);
                    post("/session/password", auth::changePassword, SELF);

                    get("/status", catalog::status, EVERYONE);
                    get("/catalog", catalog::catalog, EVERYONE);
                    get("/themes", catalog::themes, EVERYONE);
                    get("/months", catalog::months, EVERYONE);
                    get("/regions", regions::top, EVERYONE);
                    get("/regions/{code}", regions::one, EVERYONE);
                    get("/kpis", kpis::cards, EVERYONE);
                    get("/kpis/{code}", kpis::one, EVERYONE);
                    get("/kpis/{code}/trend", kpis::trend, EVERYONE);
                    get("/kpis/{code}/children", kpis::children, EVERYONE);
                    get("/population/pyramid", population::pyramid, EVERYONE);
                    get("/explorer/series", explorer::series, EVERYONE);
                    get("/explorer/breakdowns", explorer::breakdowns, EVERYONE);
                    get("/explorer/regions", explorer::regions, EVERYONE);

                    get("/exports/explorer/series", exports::explorer, COMMITTEE);
                    get("/exports/kpis/{code}", exports::breakdowns, COMMITTEE);
                    get("/exports/kpis/{code}/children", exports::children, COMMITTEE);
                    get("/exports/population/pyramid", exports::pyramid, COMMITTEE);
                    get("/exports/submissions", exports::submissions, PLANNERS);

                    get("/forecast", forecasts::forecast, EVERYONE);
                    get("/forecast/backtest", forecasts::backtest, EVERYONE);

                    get("/feeds", feeds::feeds, PORTAL_READERS);
                    get("/templates/{feed}", feeds::template, PORTAL_READERS);
                    post("/batches", batches::upload, UPLOADERS);
                    get("/batches", batches::list, PORTAL_READERS);
                    get("/batches/{id}", batches::batch, BATCH_READERS);
                    get("/batches/{id}/rejections", batches::rejections, BATCH_READERS);
                    post("/batches/{id}/restore", batches::restore, ADMINS);
                    get("/uploads/{id}/progress", batches::progress, Role.uploader, Role.admin);
                    get("/submissions", submissions::matrix, PLANNERS);

                    get("/admin/users", accounts::users, ADMINS);
                    post("/admin/users", accounts::createUser, ADMINS);
                    post("/admin/users/{id}/reset-password", accounts::resetPassword, ADMINS);
                    post("/admin/users/{id}/disable", ctx -> accounts.setDisabled(ctx, true), ADMINS);
                    post("/admin/users/{id}/enable", ctx -> accounts.setDisabled(ctx, false), ADMINS);
                    get("/admin/tokens", accounts::tokens, ADMINS);
                    post("/admin/tokens", accounts::createToken, ADMINS);
                    post("/admin/tokens/revoke", accounts::revokeTokens, ADMINS);
                    get("/admin/units", cityConfig::units, ADMINS);
                    put("/admin/units", cityConfig::saveUnits, ADMINS);
                    get("/admin/targets", cityConfig::targets, ADMINS);
                    put("/admin/targets", cityConfig::saveTargets, ADMINS);
                    get("/admin/audit", audit::page, ADMINS);
                    get("/admin/etl-runs", etl::list, ADMINS);
                    post("/admin/etl-runs", etl::start, ADMINS);
                    get("/admin/etl-runs/{id}", etl::one, ADMINS);

                    get("/reports/annual", reports::available, Role.leader, Role.planner, Role.admin);
                    get("/reports/annual/{year}", reports::download, Role.leader, Role.planner, Role.admin);

                    // 稽核: leaders see aggregates only; persons (masked) are for planners and admins
                    get("/audit/rules", findings::catalog, COMMITTEE);
                    get("/audit/summary", findings::summary, COMMITTEE);
                    get("/audit/trend", findings::trend, COMMITTEE);
                    get("/audit/proof-of-life", proofOfLife::overview, COMMITTEE);
                    get("/audit/findings", findings::list, PLANNERS);
                    get("/audit/findings/{id}/marks", findings::history, PLANNERS);
                    post("/audit/findings/{id}/marks", findings::mark, PLANNERS);
                    get("/audit/resolved", findings::resolved, PLANNERS);
                    post("/audit/reveal", findings::reveal, PLANNERS);
                    get("/audit/exports/findings", findings::export, PLANNERS);
                    get("/audit/proof-of-life/needs-visit", proofOfLife::needsVisit, PLANNERS);
                    get("/audit/exports/needs-visit", proofOfLife::export, PLANNERS);
                });
            });
        });

        app.before(batches::refuseOversizedBody);
        app.before(access::pages);
        app.beforeMatched(access::api);
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
        });

        app.exception(NoPublishedVersionException.class, (e, ctx) -> ctx.status(503).json(new ApiError(e.getMessage())));
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage())));
        app.exception(io.javalin.http.BadRequestResponse.class,
                (e, ctx) -> ctx.status(400).json(new ApiError("请求格式错误：" + e.getMessage())));
        app.exception(JsonProcessingException.class, (e, ctx) -> ctx.status(400).json(new ApiError(badJson(e))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError("服务器内部错误，请稍后重试；如持续出现请联系管理员查看日志。"));
        });
        return app;
    }

    /** A JSON body the API cannot read is the caller's to fix; Jackson's own message is English and may quote it. */
    private static String badJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "请求中有不认识的字段“" + unknown.getPropertyName() + "”：字段名请按接口说明 /api/v1/openapi.json 填写。";
        }
        return "请求内容不是有效的 JSON，或字段的类型不对：请按接口说明 /api/v1/openapi.json 填写。";
    }

    private static Path uploadCache(Dependencies deps) {
        Path dir = deps.home().root().resolve("app").resolve("upload-cache");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** GET /api/v1/openapi.json: the HTTP API, described by hand beside the routes above. */
    private static void openApi(io.javalin.http.Context ctx) throws IOException {
        try (InputStream in = DashboardApp.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json; charset=utf-8").result(in.readAllBytes());
        }
    }
}
