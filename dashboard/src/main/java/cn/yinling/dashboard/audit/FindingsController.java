package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.appstate.MarkRow;
import cn.yinling.dashboard.appstate.MarkedFindingRow;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.auth.Principal;
import cn.yinling.dashboard.portal.FileNames;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.serve.AuditCount;
import cn.yinling.warehouse.serve.AuditFinding;
import cn.yinling.warehouse.serve.AuditReader;
import cn.yinling.warehouse.serve.AuditTotals;
import cn.yinling.warehouse.serve.PersonVault;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.WarehouseReader;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 稽核 page's API for findings: the rules × districts summary of a month and its trend (every role but
 * uploaders: aggregates only), and for planners and admins the list of findings (masked), marks with their history,
 * the findings marked but gone from the live version (已消除), a reveal of one person with a reason, and the XLSX
 * export of a list.
 */
public final class FindingsController {

    /** Findings and amount of one cell of the summary. */
    public record Cell(long findings, BigDecimal amount) {
        static final Cell ZERO = new Cell(0, null);

        Cell plus(Cell other) {
            BigDecimal sum = amount == null ? other.amount
                    : other.amount == null ? amount : amount.add(other.amount);
            return new Cell(findings + other.findings, sum);
        }

        Cell minus(Cell other) {
            BigDecimal difference = amount == null && other.amount == null ? null
                    : zero(amount).subtract(zero(other.amount));
            return new Cell(findings - other.findings, difference);
        }

        static Cell of(AuditCount c) {
            return c == null ? ZERO : new Cell(c.findings(), c.amount());
        }
    }

    /** @param amountKind payment | subsidy | none (rules.json): whether the amount column means anything */
    public record RuleInfo(String code, String name, String subject, String amountKind, boolean improper,
                           String condition) {
        static RuleInfo of(AuditRule r) {
            return new RuleInfo(r.code(), r.name(), r.subject().name(), r.amount(), r.improper(), r.condition());
        }
    }

    /**
     * One rule of the matrix: the city, each district (in the order of {@code districts}) and what the city has
     * beyond its districts (findings attributed to the city only).
     */
    public record RuleRow(RuleInfo rule, Cell city, List<Cell> districts, Cell cityOnly) {
    }

    public record SummaryAnswer(int version, boolean available, String message, String month, List<String> months,
                                Region city, List<Region> districts, List<RuleRow> rows, Cell total,
                                List<Cell> districtTotals, Cell cityOnlyTotal) {
    }

    public record TrendSeries(RuleInfo rule, List<Long> findings, List<BigDecimal> amounts) {
    }

    public record TrendAnswer(int version, boolean available, String message, Region region, List<String> months,
                              List<TrendSeries> series) {
    }

    public record ListAnswer(int version, boolean available, String message, String rule, String month,
                             Region region, long total, BigDecimal amount, int page, int size, int pages,
                             boolean vaultPresent, List<FindingRows.Row> rows) {
    }

    public record MarkRequest(String status, String comment) {
    }

    public record MarkView(long id, String status, String label, String comment, String markedBy, long markedAt,
                           int version) {
        static MarkView of(MarkRow m) {
            return new MarkView(m.id(), m.status(), MarkStatus.labelOf(m.status()), m.comment(), m.markedBy(),
                    m.markedAt(), m.version());
        }
    }

    public record HistoryAnswer(String findingId, boolean inLiveVersion, List<MarkView> marks) {
    }

    public record StatusChoice(String code, String label) {
    }

    public record ResolvedAnswer(int version, boolean available, String message, List<FindingRows.Row> rows) {
    }

    /** Either a finding (its person) or a person of the version's lists, and why the planner needs to see them. */
    public record RevealRequest(String findingId, String personKey, String reason) {
    }

    public record RevealAnswer(String personKey, String name, String idNumber, String message) {
    }

    /** A list longer than this is refused for export (narrow it by rule, month or region). */
    static final int MAX_EXPORT_ROWS = 200_000;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Dependencies deps;
    private final AuditReader audit;
    private final PersonVault vault;
    private final FindingRows rows;
    private final Clock clock = Clock.systemUTC();

    public FindingsController(Dependencies deps) {
        this.deps = deps;
        this.audit = new AuditReader(deps.warehouse());
        this.vault = new PersonVault(deps.home());
        this.rows = new FindingRows(deps.store(), vault, new FindingSightings(deps.store(), deps.home(), clock));
    }

    private WarehouseReader warehouse() {
        return deps.warehouse();
    }

    /** The catalog's rules in code order, then any code a version has that the catalog does not know. */
    static List<RuleInfo> rules(Set<String> codesInData) {
        List<RuleInfo> rules = new ArrayList<>(AuditRules.defaults().all().stream().map(RuleInfo::of).toList());
        codesInData.stream().sorted().filter(c -> AuditRules.defaults().find(c).isEmpty())
                .forEach(c -> rules.add(new RuleInfo(c, c, null, null, false, null)));
        return rules;
    }

    /** GET /api/v1/audit/rules: the rule catalog and the mark choices. */
    public void catalog(Context ctx) {
        ctx.json(Map.of("rules", rules(Set.of()), "mark_statuses",
                java.util.Arrays.stream(MarkStatus.values()).map(s -> new StatusChoice(s.name(), s.label())).toList()));
    }

    /** GET /api/v1/audit/summary?month= */
    public void summary(Context ctx) {
        YearMonth month = AuditParams.month(ctx, warehouse());
        List<String> months = warehouse().months();
        ctx.json(audit.read(s -> {
            if (!s.hasSummary()) {
                return new SummaryAnswer(s.version(), false, AuditReader.NO_RESULTS, month.toString(), months, null,
                        List.of(), List.of(), Cell.ZERO, List.of(), Cell.ZERO);
            }
            Region city = s.regions().cities().stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("当前数仓版本中没有市级区划。"));
            List<Region> districts = s.regions().children(city.regionCode());
            Map<String, Map<String, AuditCount>> cells = new LinkedHashMap<>();
            for (AuditCount c : s.queries().summary(month.toString())) {
                cells.computeIfAbsent(c.rule(), r -> new LinkedHashMap<>()).put(c.regionCode(), c);
            }
            List<RuleRow> ruleRows = new ArrayList<>();
            Cell total = Cell.ZERO;
            Cell cityOnlyTotal = Cell.ZERO;
            List<Cell> districtTotals = new ArrayList<>(districts.stream().map(d -> Cell.ZERO).toList());
            for (RuleInfo rule : rules(cells.keySet())) {
                Map<String, AuditCount> byRegion = cells.getOrDefault(rule.code(), Map.of());
                Cell cityCell = Cell.of(byRegion.get(city.regionCode()));
                List<Cell> districtCells = districts.stream().map(d -> Cell.of(byRegion.get(d.regionCode()))).toList();
                Cell inDistricts = districtCells.stream().reduce(Cell.ZERO, Cell::plus);
                Cell cityOnly = cityCell.minus(inDistricts);
                ruleRows.add(new RuleRow(rule, cityCell, districtCells, cityOnly));
                total = total.plus(cityCell);
                cityOnlyTotal = cityOnlyTotal.plus(cityOnly);
                for (int i = 0; i < districtCells.size(); i++) {
                    districtTotals.set(i, districtTotals.get(i).plus(districtCells.get(i)));
                }
            }
            return new SummaryAnswer(s.version(), true, null, month.toString(), months, city, districts, ruleRows,
                    total, districtTotals, cityOnlyTotal);
        }));
    }

    /** GET /api/v1/audit/trend?region=: findings and amount of every rule, month by month. */
    public void trend(Context ctx) {
        Region region = Params.region(ctx, warehouse());
        List<String> months = warehouse().months();
        ctx.json(audit.read(s -> {
            if (!s.hasSummary()) {
                return new TrendAnswer(s.version(), false, AuditReader.NO_RESULTS, region, months, List.of());
            }
            Map<String, Map<String, AuditCount>> points = new LinkedHashMap<>();
            for (AuditCount c : s.queries().trend(region.regionCode())) {
                points.computeIfAbsent(c.rule(), r -> new LinkedHashMap<>()).put(c.month(), c);
            }
            List<TrendSeries> series = rules(points.keySet()).stream().map(rule -> {
                Map<String, AuditCount> byMonth = points.getOrDefault(rule.code(), Map.of());
                return new TrendSeries(rule,
                        months.stream().map(m -> Cell.of(byMonth.get(m)).findings()).toList(),
                        months.stream().map(m -> Cell.of(byMonth.get(m)).amount()).toList());
            }).toList();
            return new TrendAnswer(s.version(), true, null, region, months, series);
        }));
    }

    /** GET /api/v1/audit/findings?rule=&month=&region=&page=&size= */
    public void list(Context ctx) {
        String rule = AuditParams.rule(ctx);
        String month = AuditParams.optionalMonth(ctx, warehouse());
        Region region = AuditParams.optionalRegion(ctx, warehouse());
        int page = AuditParams.page(ctx);
        int size = AuditParams.size(ctx);
        String regionCode = region == null ? null : region.regionCode();
        ctx.json(audit.read(s -> {
            if (!s.hasFindings()) {
                return new ListAnswer(s.version(), false, AuditReader.NO_RESULTS, rule, month, region, 0, null, page,
                        size, 0, vault.present(), List.of());
            }
            AuditTotals totals = s.queries().totals(rule, month, regionCode);
            List<AuditFinding> found = s.queries().findings(rule, month, regionCode, size, (long) (page - 1) * size);
            int pages = (int) ((totals.findings() + size - 1) / size);
            return new ListAnswer(s.version(), true, null, rule, month, region, totals.findings(), totals.amount(),
                    page, size, pages, vault.present(), rows.of(s.version(), found, Map.of()));
        }));
    }

    /** GET /api/v1/audit/findings/{id}/marks: every mark of the finding, newest first. */
    public void history(Context ctx) {
        String id = ctx.pathParam("id");
        boolean present = audit.read(s -> s.hasFindings() && s.queries().finding(id).isPresent());
        List<MarkView> marks = deps.store().auditMarks().history(id).stream().map(MarkView::of).toList();
        if (!present && marks.isEmpty()) {
            throw ApiException.notFound("当前数据版本中没有编号为 " + id + " 的疑点。");
        }
        ctx.json(new HistoryAnswer(id, present, marks));
    }

    /** POST /api/v1/audit/findings/{id}/marks {status, comment}: only a finding of the live version is marked. */
    public void mark(Context ctx) {
        String id = ctx.pathParam("id");
        MarkRequest request = ctx.bodyAsClass(MarkRequest.class);
        MarkStatus status = MarkStatus.parse(request.status()).orElseThrow(() -> ApiException.badRequest(
                "标记应为 " + MarkStatus.choices() + " 之一，实际为：" + request.status()));
        String comment = request.comment() == null || request.comment().isBlank() ? null
                : AuditParams.freeText(request.comment(), "说明", 1, 500);
        MarkedFindingRow finding = audit.read(s -> {
            if (!s.hasFindings()) {
                throw ApiException.notFound(AuditReader.NO_RESULTS);
            }
            AuditFinding f = s.queries().finding(id).orElseThrow(() -> ApiException.notFound(
                    "当前数据版本中没有编号为 " + id + " 的疑点（可能已在新版本中消除），请刷新清单。"));
            return new MarkedFindingRow(f.findingId(), f.rule(), f.month(), f.personKey(), f.orderId(),
                    f.regionCode(), f.amount() == null ? null : f.amount().toPlainString(), f.evidence(), s.version());
        });
        Principal principal = AuthFilter.current(ctx);
        deps.store().auditMarks().mark(finding, status.name(), comment, principal.name(), clock.millis());
        deps.audit().record(ctx, AuditLog.MARK, "finding:" + id,
                "status=" + status.name() + " rule=" + finding.rule() + " version=" + finding.seenVersion(), "ok");
        List<MarkView> marks = deps.store().auditMarks().history(id).stream().map(MarkView::of).toList();
        ctx.status(201).json(new HistoryAnswer(id, true, marks));
    }

    /** GET /api/v1/audit/resolved: marked findings the live version no longer holds (已消除). */
    public void resolved(Context ctx) {
        ctx.json(audit.read(s -> {
            if (!s.hasFindings()) {
                return new ResolvedAnswer(s.version(), false, AuditReader.NO_RESULTS, List.of());
            }
            List<MarkedFindingRow> gone = goneFromVersion(s);
            return new ResolvedAnswer(s.version(), true, null, rows.resolved(s.version(), gone,
                    code -> s.regions().region(code).map(Region::name).orElse(null), Map.of()));
        }));
    }

    private List<MarkedFindingRow> goneFromVersion(AuditReader.Snapshot s) {
        List<MarkedFindingRow> marked = deps.store().auditMarks().markedFindings();
        Set<String> present = new HashSet<>();
        List<String> ids = marked.stream().map(MarkedFindingRow::findingId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            present.addAll(s.queries().presentFindingIds(ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        return marked.stream().filter(m -> !present.contains(m.findingId())).toList();
    }

    /**
     * POST /api/v1/audit/reveal {finding_id | person_key, reason}: one person's name and ID number, shown once. The
     * audit log gets the finding or person_key and the reason, never the values; the session's exports show the
     * person unmasked from now on.
     */
    public void reveal(Context ctx) {
        RevealRequest request = ctx.bodyAsClass(RevealRequest.class);
        String reason = AuditParams.freeText(request.reason(), "查看理由", 4, 200);
        boolean byFinding = request.findingId() != null && !request.findingId().isBlank();
        boolean byPerson = request.personKey() != null && !request.personKey().isBlank();
        if (byFinding == byPerson) {
            throw ApiException.badRequest("请指定一条疑点（finding_id）或一名人员（person_key），二者选其一。");
        }
        String target;
        String personKey;
        if (byFinding) {
            String id = request.findingId().trim();
            target = "finding:" + id;
            personKey = audit.read(s -> {
                if (!s.hasFindings()) {
                    throw ApiException.notFound(AuditReader.NO_RESULTS);
                }
                return s.queries().finding(id).orElseThrow(() -> ApiException.notFound(
                        "当前数据版本中没有编号为 " + id + " 的疑点。")).personKey();
            });
            if (personKey == null) {
                throw ApiException.notFound("该疑点没有对应的人员。");
            }
        } else {
            personKey = request.personKey().trim();
            target = "person:" + personKey;
            String key = personKey;
            boolean listed = audit.read(s -> s.hasFindings() && s.queries().personInFindings(key)
                    || s.hasProofOfLife() && s.queries().personInProofOfLife(key));
            if (!listed) {
                throw ApiException.notFound("只能查看当前数据版本稽核清单或待走访名单中的人员。");
            }
        }
        PersonVault.Identity identity = vault.reveal(personKey).orElseThrow(() -> ApiException.notFound(
                "个人信息库中没有该人员的身份信息（尚未运行 ETL，或该人员已不在库中）。"));
        Principal principal = AuthFilter.current(ctx);
        deps.store().auditReveals().insert(principal.sessionHash(), personKey, clock.millis());
        deps.audit().record(ctx, AuditLog.REVEAL, target, "person_key=" + personKey + " reason=" + reason, "ok");
        ctx.header("Cache-Control", "no-store");
        ctx.json(new RevealAnswer(personKey, identity.name(), identity.idNumber(),
                "已记入审计日志。本次会话导出的清单中，此人不再脱敏。"));
    }

    /** The identities this session revealed, among the given persons. */
    Map<String, PersonVault.Identity> revealedIn(Context ctx, Set<String> personKeys) {
        Principal principal = AuthFilter.current(ctx);
        Set<String> revealed = new HashSet<>(deps.store().auditReveals().revealedBy(principal.sessionHash()));
        revealed.retainAll(personKeys);
        return revealed.isEmpty() ? Map.of() : vault.reveal(revealed);
    }

    /** GET /api/v1/audit/exports/findings?rule=&month=&region=: the whole list as XLSX. */
    public void export(Context ctx) {
        String rule = AuditParams.rule(ctx);
        String month = AuditParams.optionalMonth(ctx, warehouse());
        Region region = AuditParams.optionalRegion(ctx, warehouse());
        String regionCode = region == null ? null : region.regionCode();
        record Listed(int version, List<AuditFinding> findings) {
        }
        Listed listed = audit.read(s -> {
            if (!s.hasFindings()) {
                throw ApiException.notFound(AuditReader.NO_RESULTS);
            }
            long total = s.queries().totals(rule, month, regionCode).findings();
            if (total > MAX_EXPORT_ROWS) {
                throw ApiException.badRequest("清单共 " + total + " 条，超过单次导出上限 " + MAX_EXPORT_ROWS
                        + " 条，请按规则、月份或区域缩小范围后导出。");
            }
            return new Listed(s.version(), s.queries().findings(rule, month, regionCode, MAX_EXPORT_ROWS, 0));
        });
        Set<String> persons = listed.findings().stream().map(AuditFinding::personKey)
                .filter(k -> k != null).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, PersonVault.Identity> revealed = revealedIn(ctx, persons);
        List<FindingRows.Row> exported = rows.of(listed.version(), listed.findings(), revealed);
        String regionName = region == null ? "全市" : region.name();
        String fileName = "稽核疑点清单-" + (month == null ? "全部月份" : month) + "-" + (rule == null ? "全部规则" : rule)
                + "-" + regionName + "-第" + listed.version() + "版.xlsx";
        deps.audit().record(ctx, AuditLog.EXPORT, "audit:findings", "rule=" + (rule == null ? "all" : rule)
                + " month=" + (month == null ? "all" : month) + " region=" + (regionCode == null ? "all" : regionCode)
                + " rows=" + exported.size() + " revealed=" + revealed.size() + " version=" + listed.version(), "ok");
        ctx.contentType(AuditWorkbook.XLSX_TYPE);
        ctx.header("Content-Disposition", FileNames.contentDisposition(fileName));
        ctx.header("Cache-Control", "no-store");
        List<AuditWorkbook.Column> columns = List.of(new AuditWorkbook.Column("规则", 6),
                new AuditWorkbook.Column("规则名称", 20), new AuditWorkbook.Column("月份", 9),
                new AuditWorkbook.Column("姓名", 10), new AuditWorkbook.Column("公民身份号码", 21),
                new AuditWorkbook.Column("区划代码", 14), new AuditWorkbook.Column("区域", 18),
                new AuditWorkbook.Column("金额（元）", 12), new AuditWorkbook.Column("证据", 60),
                new AuditWorkbook.Column("当前标记", 10), new AuditWorkbook.Column("标记说明", 30),
                new AuditWorkbook.Column("首次发现版本", 8), new AuditWorkbook.Column("工单号", 16),
                new AuditWorkbook.Column("人员编码", 20), new AuditWorkbook.Column("疑点编号", 20));
        Iterable<List<Object>> cells = () -> exported.stream().map(FindingsController::cells).iterator();
        AuditWorkbook.write(ctx.outputStream(), "稽核疑点", columns, cells, List.of(
                new String[] {"清单", "跨部门数据比对稽核疑点"},
                new String[] {"数据版本", "第 " + listed.version() + " 版"},
                new String[] {"稽核规则", rule == null ? "全部规则" : rule + " " + FindingRows.ruleName(rule)},
                new String[] {"月份", month == null ? "全部月份" : month},
                new String[] {"区域", regionName + (regionCode == null ? "" : "（" + regionCode + "）")},
                new String[] {"条数", String.valueOf(exported.size())},
                new String[] {"导出人", AuthFilter.current(ctx).name()},
                new String[] {"导出时间", MINUTE.format(Instant.ofEpochMilli(clock.millis()).atZone(SHANGHAI))},
                new String[] {"脱敏", "姓名与公民身份号码已脱敏；本次会话中说明理由后查看过的人员（" + revealed.size()
                        + " 人）除外。疑点为比对线索，需经核实后认定。"}));
    }

    private static List<Object> cells(FindingRows.Row r) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.rule());
        cells.add(r.ruleName());
        cells.add(r.month());
        cells.add(r.name());
        cells.add(r.idNumber());
        cells.add(r.regionCode());
        cells.add(r.regionName());
        cells.add(r.amount());
        cells.add(r.evidence());
        cells.add(r.mark() == null ? null : r.mark().label());
        cells.add(r.mark() == null ? null : r.mark().comment());
        cells.add(r.firstSeenVersion());
        cells.add(r.orderId());
        cells.add(r.personKey());
        cells.add(r.findingId());
        return cells;
    }

    private static BigDecimal zero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
