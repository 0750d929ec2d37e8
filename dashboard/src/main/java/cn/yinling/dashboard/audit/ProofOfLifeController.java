package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.portal.FileNames;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.serve.AuditReader;
import cn.yinling.warehouse.serve.KpiMonthValue;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.PersonVault;
import cn.yinling.warehouse.serve.ProofOfLife;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.WarehouseReader;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 无感认证 (passive proof of life) on the 稽核 page: the auto_verified_rate KPI of a region and its child regions
 * for a month (aggregates, every role but uploaders), and for planners and admins the needs_visit list by street and
 * community, masked, as the street offices use it, with its XLSX export.
 */
public final class ProofOfLifeController {

    /** The KPI of issue #5: recipients auto-verified / recipients, in %. */
    static final String RATE_KPI = "auto_verified_rate";
    static final String NEEDS_VISIT = "needs_visit";

    /**
     * One region's figures: rate in % (null when it cannot be computed), recipients, of them auto-verified, and
     * those to visit. All null when the version has no row of the KPI for the region.
     */
    public record RateRow(String regionCode, String name, int level, Double rate, Double recipients,
                          Double autoVerified, Double needsVisit, boolean hasChildren) {
    }

    public record OverviewAnswer(int version, boolean available, String message, String month, Region region,
                                 RateRow total, List<RateRow> children) {
    }

    /** One recipient to visit, masked (name and ID number null when the vault does not know the person). */
    public record VisitRow(String personKey, String name, String idNumber, boolean revealed, String districtName,
                           String streetCode, String streetName, String communityCode, String communityName,
                           String regionCode, String regionName, String evidenceDate, String evidenceSource,
                           String evidenceSourceName, String evidence) {
        @Override
        public String toString() {
            return "VisitRow[personKey=" + personKey + ", name and ID number withheld]";
        }
    }

    public record VisitAnswer(int version, boolean available, String message, String month, Region region,
                              long total, int page, int size, int pages, boolean vaultPresent, List<VisitRow> rows) {
    }

    private final Dependencies deps;
    private final AuditReader audit;
    private final PersonVault vault;
    private final FindingsController findings;

    public ProofOfLifeController(Dependencies deps, FindingsController findings) {
        this.deps = deps;
        this.audit = new AuditReader(deps.warehouse());
        this.vault = new PersonVault(deps.home());
        this.findings = findings;
    }

    private WarehouseReader warehouse() {
        return deps.warehouse();
    }

    /** GET /api/v1/audit/proof-of-life?month=&region= */
    public void overview(Context ctx) {
        YearMonth month = Params.month(ctx, warehouse());
        Region region = Params.region(ctx, warehouse());
        boolean available = audit.read(AuditReader.Snapshot::hasProofOfLife);
        if (!available) {
            ctx.json(new OverviewAnswer(warehouse().liveVersion().orElse(0), false, AuditReader.NO_RESULTS,
                    month.toString(), region, null, List.of()));
            return;
        }
        boolean hasKpi = warehouse().publishedKpis().contains(RATE_KPI);
        KpiMonthValue own = warehouse().kpiValues(region.regionCode(), month).stream()
                .filter(v -> v.kpiCode().equals(RATE_KPI) && v.breakdown() == null).findFirst().orElse(null);
        RateRow total = own == null ? new RateRow(region.regionCode(), region.name(), region.level(), null, null, null,
                null, region.level() < 5)
                : row(region.regionCode(), region.name(), region.level(), own.value(), own.numerator(),
                        own.denominator());
        List<RateRow> children = new ArrayList<>();
        for (KpiRow child : warehouse().childValues(RATE_KPI, region.regionCode(), month, null)) {
            children.add(row(child.regionCode(), child.regionName(), child.regionLevel(), child.value(),
                    child.numerator(), child.denominator()));
        }
        ctx.json(new OverviewAnswer(warehouse().liveVersion().orElse(0), true,
                hasKpi ? null : "本版本尚未计算无感认证率（auto_verified_rate）。", month.toString(), region, total,
                children));
    }

    private static RateRow row(String code, String name, int level, Double value, Double autoVerified,
            Double recipients) {
        Double needsVisit = recipients == null || autoVerified == null ? null : recipients - autoVerified;
        return new RateRow(code, name, level, value, recipients, autoVerified, needsVisit, level < 5);
    }

    /** GET /api/v1/audit/proof-of-life/needs-visit?month=&region=&page=&size= */
    public void needsVisit(Context ctx) {
        YearMonth month = Params.month(ctx, warehouse());
        Region region = AuditParams.optionalRegion(ctx, warehouse());
        int page = AuditParams.page(ctx);
        int size = AuditParams.size(ctx);
        String regionCode = region == null ? null : region.regionCode();
        ctx.json(audit.read(s -> {
            if (!s.hasProofOfLife()) {
                return new VisitAnswer(s.version(), false, AuditReader.NO_RESULTS, month.toString(), region, 0, page,
                        size, 0, vault.present(), List.of());
            }
            long total = s.queries().countProofOfLife(month.toString(), NEEDS_VISIT, regionCode);
            List<ProofOfLife> found = s.queries().proofOfLife(month.toString(), NEEDS_VISIT, regionCode, size,
                    (long) (page - 1) * size);
            return new VisitAnswer(s.version(), true, null, month.toString(), region, total, page, size,
                    (int) ((total + size - 1) / size), vault.present(), rows(found, Map.of()));
        }));
    }

    private List<VisitRow> rows(List<ProofOfLife> found, Map<String, PersonVault.Identity> revealed) {
        Map<String, PersonVault.MaskedIdentity> masked = vault.masked(found.stream().map(ProofOfLife::personKey)
                .filter(k -> k != null && !revealed.containsKey(k)).toList());
        return found.stream().map(p -> {
            PersonVault.Identity full = p.personKey() == null ? null : revealed.get(p.personKey());
            PersonVault.MaskedIdentity m = p.personKey() == null ? null : masked.get(p.personKey());
            String name = full != null ? full.name() : m == null ? null : m.name();
            String idNumber = full != null ? full.idNumber() : m == null ? null : m.idNumber();
            return new VisitRow(p.personKey(), name, idNumber, full != null, p.districtName(), p.streetCode(),
                    p.streetName(), p.communityCode(), p.communityName(), p.regionCode(), p.regionName(),
                    p.evidenceDate() == null ? null : p.evidenceDate().toString(), p.evidenceSource(),
                    feedName(p.evidenceSource()), p.evidence());
        }).toList();
    }

    private static String feedName(String feed) {
        return feed == null ? null : Contracts.get().feed(feed).map(FeedContract::name).orElse(feed);
    }

    /** GET /api/v1/audit/exports/needs-visit?month=&region=: the month's needs_visit list as XLSX. */
    public void export(Context ctx) {
        YearMonth month = Params.month(ctx, warehouse());
        Region region = AuditParams.optionalRegion(ctx, warehouse());
        String regionCode = region == null ? null : region.regionCode();
        record Listed(int version, List<ProofOfLife> persons) {
        }
        Listed listed = audit.read(s -> {
            if (!s.hasProofOfLife()) {
                throw ApiException.notFound(AuditReader.NO_RESULTS);
            }
            long total = s.queries().countProofOfLife(month.toString(), NEEDS_VISIT, regionCode);
            if (total > FindingsController.MAX_EXPORT_ROWS) {
                throw ApiException.badRequest("名单共 " + total + " 人，超过单次导出上限 "
                        + FindingsController.MAX_EXPORT_ROWS + " 人，请选择区县或街道后导出。");
            }
            return new Listed(s.version(), s.queries().proofOfLife(month.toString(), NEEDS_VISIT, regionCode,
                    FindingsController.MAX_EXPORT_ROWS, 0));
        });
        Set<String> persons = listed.persons().stream().map(ProofOfLife::personKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, PersonVault.Identity> revealed = findings.revealedIn(ctx, persons);
        List<VisitRow> exported = rows(listed.persons(), revealed);
        String regionName = region == null ? "全市" : region.name();
        String fileName = "无感认证待走访名单-" + month + "-" + regionName + "-第" + listed.version() + "版.xlsx";
        deps.audit().record(ctx, AuditLog.EXPORT, "audit:needs_visit", "month=" + month + " region="
                + (regionCode == null ? "all" : regionCode) + " rows=" + exported.size() + " revealed="
                + revealed.size() + " version=" + listed.version(), "ok");
        ctx.contentType(AuditWorkbook.XLSX_TYPE);
        ctx.header("Content-Disposition", FileNames.contentDisposition(fileName));
        ctx.header("Cache-Control", "no-store");
        List<AuditWorkbook.Column> columns = List.of(new AuditWorkbook.Column("区（县）", 12),
                new AuditWorkbook.Column("街道（乡镇）", 14), new AuditWorkbook.Column("社区（村）", 18),
                new AuditWorkbook.Column("姓名", 10), new AuditWorkbook.Column("公民身份号码", 21),
                new AuditWorkbook.Column("区划代码", 14), new AuditWorkbook.Column("最近生存证据日期", 14),
                new AuditWorkbook.Column("证据来源", 16), new AuditWorkbook.Column("说明", 50),
                new AuditWorkbook.Column("人员编码", 20));
        Iterable<List<Object>> cells = () -> exported.stream().map(v -> {
            List<Object> row = new ArrayList<>();
            row.add(v.districtName());
            row.add(v.streetName());
            row.add(v.communityName());
            row.add(v.name());
            row.add(v.idNumber());
            row.add(v.regionCode());
            row.add(v.evidenceDate());
            row.add(v.evidenceSourceName());
            row.add(v.evidence());
            row.add(v.personKey());
            return row;
        }).iterator();
        AuditWorkbook.write(ctx.outputStream(), "待走访名单", columns, cells, List.of(
                new String[] {"清单", "无感认证待走访名单（近6个月无任何生存证据的高龄津贴、长寿补贴领取人）"},
                new String[] {"数据版本", "第 " + listed.version() + " 版"},
                new String[] {"月份", month.toString()},
                new String[] {"区域", regionName + (regionCode == null ? "" : "（" + regionCode + "）")},
                new String[] {"人数", String.valueOf(exported.size())},
                new String[] {"导出人", AuthFilter.current(ctx).name()},
                new String[] {"脱敏", "姓名与公民身份号码已脱敏；本次会话中说明理由后查看过的人员（" + revealed.size()
                        + " 人）除外。"}));
    }
}
