package cn.yinling.dashboard.portal;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.auth.Principal;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.config.UnitRegistry;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.land.ReportingUnit;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What may be reported: the feeds (with the caller's unit's duty), the units, and each feed's XLSX template. */
public final class FeedController {

    public record ColumnInfo(String key, String header, String type, boolean required, boolean keyColumn,
            List<String> choices, String rule) {
    }

    public record FeedInfo(String feed, String name, String period, String kind, List<String> departments,
            boolean sendable, boolean expected, List<ColumnInfo> columns) {
    }

    public record UnitInfo(String unit, String name, String department, String departmentName,
            List<String> expectedFeeds, int deadlineDay) {
    }

    public record FeedsAnswer(String unit, List<FeedInfo> feeds, List<UnitInfo> units) {
    }

    private final Dependencies deps;

    public FeedController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/feeds[?unit=]: every feed; sendable/expected for the caller's unit (or the named one, for admins). */
    public void feeds(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        String unit = principal.unit() != null ? principal.unit() : ctx.queryParam("unit");
        Optional<ReportingUnit> reporting = ReportingUnit.parse(unit);
        UnitRegistry registry = deps.units();
        List<String> expected = registry.find(unit).map(UnitRegistry.Unit::expectedFeeds).orElse(List.of());
        List<FeedInfo> feeds = Contracts.get().feeds().stream().map(f -> new FeedInfo(f.feed(), f.name(),
                f.period().name(), f.kind().name(), f.departments(),
                reporting.map(r -> f.sentBy(r.department())).orElse(false), expected.contains(f.feed()),
                f.columns().stream().map(c -> new ColumnInfo(c.key(), c.header(), c.type().key(), c.required(),
                        c.keyColumn(), FeedTemplates.choices(c), FeedTemplates.rule(c))).toList())).toList();
        List<UnitInfo> units = registry.units().stream()
                .filter(u -> principal.seesAllUnits() || u.unit().equals(principal.unit()))
                .map(FeedController::info).toList();
        ctx.json(new FeedsAnswer(reporting.isPresent() ? unit : null, feeds, units));
    }

    static UnitInfo info(UnitRegistry.Unit u) {
        return new UnitInfo(u.unit(), u.name(), u.department(),
                Contracts.get().departments().get(u.department()), u.expectedFeeds(), u.deadlineDay());
    }

    /** GET /api/v1/templates/{feed}[?period=]: the feed's XLSX template. */
    public void template(Context ctx) throws IOException {
        Principal principal = AuthFilter.current(ctx);
        String code = ctx.pathParam("feed").replaceFirst("\\.xlsx$", "");
        FeedContract feed = Contracts.get().feed(code)
                .orElseThrow(() -> ApiException.notFound("未知的数据类型：" + code));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FeedTemplates.write(feed, ctx.queryParam("period"), principal.unit(), bytes);
        deps.audit().record(ctx, AuditLog.DOWNLOAD, "template:" + feed.feed(), null, "ok");
        BatchController.attachment(ctx, RejectionExports.XLSX_TYPE, feed.name() + "-填报模板.xlsx");
        ctx.result(bytes.toByteArray());
    }

}
