package cn.yinling.dashboard.admin;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.config.UnitRegistry;
import cn.yinling.warehouse.kpi.KpiDefinition;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin pages for the city's configuration files: units.csv (units and their feeds) and targets.properties. */
public final class ConfigAdminController {

    public record UnitEntry(String unit, String name, List<String> expectedFeeds, Integer deadlineDay) {
    }

    public record UnitsRequest(List<UnitEntry> units) {
    }

    public record TargetEntry(String code, String name, String unit, String direction, String defaultTarget,
            String target) {
    }

    public record TargetsRequest(Map<String, String> targets) {
    }

    private final Dependencies deps;

    public ConfigAdminController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/admin/units */
    public void units(Context ctx) {
        ctx.json(deps.units().units().stream().map(u -> new UnitEntry(u.unit(), u.name(), u.expectedFeeds(),
                u.deadlineDay())).toList());
    }

    /** PUT /api/v1/admin/units {units: […]}: the whole list, checked, then written atomically. */
    public void saveUnits(Context ctx) {
        UnitsRequest request = ctx.bodyAsClass(UnitsRequest.class);
        if (request.units() == null) {
            throw ApiException.badRequest("请提交单位列表 units。");
        }
        List<UnitRegistry.Unit> units = new ArrayList<>();
        for (UnitEntry e : request.units()) {
            units.add(new UnitRegistry.Unit(e.unit() == null ? "" : e.unit().trim(), e.name() == null ? "" : e.name().trim(),
                    e.expectedFeeds() == null ? List.of() : e.expectedFeeds(),
                    e.deadlineDay() == null ? UnitRegistry.DEFAULT_DEADLINE_DAY : e.deadlineDay()));
        }
        UnitRegistry registry = UnitRegistry.of(units);
        registry.save(deps.home());
        deps.audit().record(ctx, AuditLog.ADMIN, "config:units.csv", units.size() + " units", "ok");
        units(ctx);
    }

    /** GET /api/v1/admin/targets: every KPI with its default and its current target. */
    public void targets(Context ctx) {
        Map<String, String> overrides = TargetsFile.read(Dependencies.targetsFile(deps.home()));
        var defaults = cn.yinling.warehouse.kpi.KpiCatalog.defaults();
        List<TargetEntry> rows = new ArrayList<>();
        for (KpiDefinition k : deps.catalog().all()) {
            KpiDefinition d = defaults.get(k.code());
            rows.add(new TargetEntry(k.code(), k.name(), k.unit(), k.direction().name(),
                    d.target() == null ? null : d.target().toString(), overrides.get(k.code())));
        }
        ctx.json(rows);
    }

    /** PUT /api/v1/admin/targets {targets: {code: "60" | ">=60" | ""}}: empty means the catalog default. */
    public void saveTargets(Context ctx) {
        TargetsRequest request = ctx.bodyAsClass(TargetsRequest.class);
        Map<String, String> targets = new LinkedHashMap<>();
        if (request.targets() != null) {
            request.targets().forEach((code, value) -> {
                if (value != null && !value.isBlank()) {
                    targets.put(code, value.trim());
                }
            });
        }
        TargetsFile.write(Dependencies.targetsFile(deps.home()), targets, deps.catalog());
        deps.reloadCatalog();
        deps.audit().record(ctx, AuditLog.ADMIN, "config:targets.properties", targets.toString(), "ok");
        targets(ctx);
    }
}
