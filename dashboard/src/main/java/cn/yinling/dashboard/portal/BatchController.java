package cn.yinling.dashboard.portal;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.auth.Principal;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.BatchStatus;
import cn.yinling.warehouse.land.LandingCatalog;
import cn.yinling.warehouse.land.Manifest;
import cn.yinling.warehouse.land.Rejection;
import cn.yinling.warehouse.land.Upload;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The batch API of spec/cli.md, used alike by the 数据报送 page (session + CSRF) and by member units' systems (bearer
 * token): upload, a batch's report, its rejections (JSON, CSV or XLSX), the unit's history, and an admin's restore.
 * An uploader or token acts for its own unit only; a batch of another unit answers 404, as if it did not exist.
 */
public final class BatchController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int JSON_REJECTIONS_MAX = 10_000;

    private final Dependencies deps;

    public BatchController(Dependencies deps) {
        this.deps = deps;
    }

    private LandingCatalog catalog() {
        return deps.landing().catalog();
    }

    /** Refuses an oversized body from its Content-Length, before anything of it is read. */
    public void refuseOversizedBody(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length > maxRequestBytes()) {
            deps.audit().record(ctx, AuditLog.UPLOAD, null, "request of " + length + " bytes", "too_large");
            ctx.header("Connection", "close");
            throw new ApiException(413, tooLargeMessage());
        }
    }

    long maxRequestBytes() {
        // The form fields and multipart boundaries come on top of the file itself.
        return deps.settings().maxUploadBytes() + 64 * 1024;
    }

    String tooLargeMessage() {
        return "文件超过 " + deps.settings().maxUploadBytes() / (1024 * 1024) + " MB 的上限，请按区县或月份拆分后分别上传。";
    }

    /** POST /api/v1/batches (multipart: feed, period, file; unit for admins): lands the file, answers the report. */
    public void upload(Context ctx) throws IOException {
        Principal principal = AuthFilter.current(ctx);
        UploadedFile file;
        String feed;
        String period;
        String unitField;
        try {
            file = ctx.uploadedFile("file");
            feed = ctx.formParam("feed");
            period = ctx.formParam("period");
            unitField = ctx.formParam("unit");
        } catch (RuntimeException e) {
            if (isSizeLimit(e)) {
                deps.audit().record(ctx, AuditLog.UPLOAD, null, "multipart over the limit", "too_large");
                ctx.header("Connection", "close");
                throw new ApiException(413, tooLargeMessage());
            }
            throw ApiException.badRequest("上传请求格式错误：应为 multipart/form-data，含 feed、period 和 file 三项。");
        }
        if (file == null) {
            throw ApiException.badRequest("请选择要上传的文件（表单项 file）。");
        }
        if (feed == null || feed.isBlank() || period == null || period.isBlank()) {
            throw ApiException.badRequest("请选择数据类型（feed）和报送期间（period）。");
        }
        String unit = unitFor(principal, unitField);
        Path staging = deps.home().root().resolve("app").resolve("uploads");
        Files.createDirectories(staging);
        // The system's own name: nothing of the user's file name ever reaches a path.
        Path staged = staging.resolve(UUID.randomUUID() + ".part");
        UploadProgress.Tracker tracker = deps.uploads().start(ctx.header("X-Upload-Id"), principal.name());
        try {
            long size;
            try (InputStream in = file.content(); OutputStream out = Files.newOutputStream(staged)) {
                size = in.transferTo(out);
            }
            if (size > deps.settings().maxUploadBytes()) {
                deps.audit().record(ctx, AuditLog.UPLOAD, feed + "/" + period + "/" + unit, size + " bytes", "too_large");
                throw new ApiException(413, tooLargeMessage());
            }
            tracker.expectedRows(ExpectedRows.estimate(staged));
            BatchReport report = deps.landing().ingest(new Upload(feed.trim(), period.trim(), unit, principal.name(),
                    FileNames.displayName(file.filename()), staged), tracker);
            deps.audit().record(ctx, AuditLog.UPLOAD, report.batchId() == null ? feed + "/" + period + "/" + unit
                    : report.batchId(), "feed=" + feed + " period=" + period + " unit=" + unit + " status="
                    + report.status() + " read=" + report.rowsRead() + " loaded=" + report.rowsLoaded()
                    + " quarantined=" + report.rowsQuarantined(), report.status().name());
            ctx.status(report.refused() ? 422 : 200).contentType("application/json; charset=utf-8")
                    .result(report.toJson());
        } finally {
            tracker.done();
            Files.deleteIfExists(staged);
        }
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("exceeds") || message.contains("max") && message.contains("size"))) {
                return true;
            }
        }
        return false;
    }

    /** The unit an upload is for: the caller's own; an admin names one. */
    private String unitFor(Principal principal, String unitField) {
        if (principal.is(Role.admin)) {
            if (unitField == null || unitField.isBlank()) {
                throw ApiException.badRequest("管理员代为报送时请选择报送单位（unit）。");
            }
            return unitField.trim();
        }
        if (principal.unit() == null) {
            throw ApiException.forbidden("您的账号没有绑定报送单位，不能报送数据。");
        }
        if (unitField != null && !unitField.isBlank() && !unitField.trim().equals(principal.unit())) {
            throw ApiException.forbidden("只能以本单位（" + principal.unit() + "）的名义报送，不能代其他单位报送。");
        }
        return principal.unit();
    }

    /** GET /api/v1/uploads/{id}/progress: how far the check of one's own upload has come. */
    public void progress(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        // Unknown (not started yet, or someone else's): "still receiving", which tells nothing about other uploads.
        ctx.json(deps.uploads().of(ctx.pathParam("id"), principal.name())
                .orElse(new UploadProgress.Snapshot("receiving", 0, null, null)));
    }

    /** The batch, if it exists and the caller may see it; 404 otherwise (a guessed id learns nothing). */
    private Manifest visibleBatch(Context ctx, Principal principal) {
        String id = ctx.pathParam("id");
        Optional<Manifest> batch = catalog().find(id);
        if (batch.isEmpty() || !principal.mayUseUnit(batch.get().unit())) {
            throw ApiException.notFound("未找到批次 " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "。");
        }
        return batch.get();
    }

    /** GET /api/v1/batches/{id}: the batch report, with the manifest's facts beside it. */
    public void batch(Context ctx) throws IOException {
        Principal principal = AuthFilter.current(ctx);
        Manifest m = visibleBatch(ctx, principal);
        ObjectNode answer = (ObjectNode) JSON.readTree(catalog().report(m).toJson());
        Optional<Manifest> inForce = catalog().inForce(m.feed(), m.period(), m.unit());
        answer.put("in_force", inForce.isPresent() && inForce.get().batchId().equals(m.batchId()));
        answer.put("received_at", m.receivedAt());
        answer.put("original_name", m.originalName());
        answer.put("user", m.user());
        answer.put("restores", m.restores());
        deps.audit().record(ctx, AuditLog.BATCH_VIEW, m.batchId(), null, "ok");
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(answer));
    }

    public record RejectionPage(String batchId, long total, int offset, int limit, List<Rejection> rejections) {
    }

    /** GET /api/v1/batches/{id}/rejections[?format=csv|xlsx][&offset=&limit=] */
    public void rejections(Context ctx) throws IOException {
        Principal principal = AuthFilter.current(ctx);
        Manifest m = visibleBatch(ctx, principal);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        switch (format) {
            case "csv" -> {
                deps.audit().record(ctx, AuditLog.DOWNLOAD, m.batchId(), "rejections.csv", "ok");
                attachment(ctx, "text/csv; charset=utf-8", RejectionExports.fileName(m, "csv"));
                RejectionExports.csv(ctx.outputStream(), m, sink -> catalog().rejections(m, sink));
            }
            case "xlsx" -> {
                deps.audit().record(ctx, AuditLog.DOWNLOAD, m.batchId(), "rejections.xlsx", "ok");
                attachment(ctx, RejectionExports.XLSX_TYPE, RejectionExports.fileName(m, "xlsx"));
                RejectionExports.xlsx(ctx.outputStream(), m, sink -> catalog().rejections(m, sink));
            }
            case "json" -> {
                int offset = intParam(ctx, "offset", 0);
                int limit = Math.min(intParam(ctx, "limit", 1000), JSON_REJECTIONS_MAX);
                List<Rejection> page = new ArrayList<>();
                long[] total = {0};
                catalog().rejections(m, r -> {
                    if (total[0] >= offset && page.size() < limit) {
                        page.add(r);
                    }
                    total[0]++;
                });
                deps.audit().record(ctx, AuditLog.BATCH_VIEW, m.batchId(), "rejections", "ok");
                ctx.json(new RejectionPage(m.batchId(), total[0], offset, limit, page));
            }
            default -> throw ApiException.badRequest("format 应为 json、csv 或 xlsx。");
        }
    }

    static void attachment(Context ctx, String contentType, String fileName) {
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", FileNames.contentDisposition(fileName));
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " 应为非负整数。");
        }
    }

    /** One line of the history table. */
    public record BatchSummary(String batchId, String feed, String feedName, String period, String unit,
            BatchStatus status, boolean inForce, String supersedes, String restores, String receivedAt,
            String originalName, String user, long rowsRead, long rowsLoaded, long rowsQuarantined,
            String fatalMessage) {
    }

    /** GET /api/v1/batches?feed=&period=&unit=: newest first; an uploader sees its own unit's only. */
    public void list(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        String unit = principal.seesAllUnits() ? blankToNull(ctx.queryParam("unit")) : principal.unit();
        if (!principal.seesAllUnits() && unit == null) {
            throw ApiException.forbidden("您的账号没有绑定报送单位。");
        }
        String feed = blankToNull(ctx.queryParam("feed"));
        String period = blankToNull(ctx.queryParam("period"));
        List<Manifest> all = feed == null ? catalog().manifests() : catalog().manifests(feed);
        List<Manifest> chosen = all.stream()
                .filter(m -> unit == null || m.unit().equals(unit))
                .filter(m -> period == null || m.period().equals(period))
                .toList();
        Map<String, String> inForce = chosen.stream().filter(Manifest::accepted)
                .collect(Collectors.toMap(m -> m.feed() + "/" + m.period() + "/" + m.unit(), Manifest::batchId,
                        (a, b) -> a.compareTo(b) >= 0 ? a : b));
        List<BatchSummary> rows = chosen.stream()
                .sorted(Comparator.comparing(Manifest::batchId).reversed())
                .limit(2000)
                .map(m -> new BatchSummary(m.batchId(), m.feed(), FeedNames.name(m.feed()), m.period(), m.unit(),
                        m.status(), m.batchId().equals(inForce.get(m.feed() + "/" + m.period() + "/" + m.unit())),
                        m.supersedes(), m.restores(), m.receivedAt(), m.originalName(), m.user(), m.rowsRead(),
                        m.rowsLoaded(), m.rowsQuarantined(), m.fatal() == null ? null : m.fatal().message()))
                .toList();
        ctx.json(rows);
    }

    /**
     * POST /api/v1/batches/{id}/restore (admins): the earlier batch's file lands again as a new batch whose manifest
     * names the batch it restores; nothing is renamed or deleted.
     */
    public void restore(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        Manifest earlier = visibleBatch(ctx, principal);
        if (!earlier.accepted()) {
            throw ApiException.badRequest("只能恢复曾被接收的批次；批次 " + earlier.batchId() + " 当时已被拒收。");
        }
        Optional<Manifest> inForce = catalog().inForce(earlier.feed(), earlier.period(), earlier.unit());
        if (inForce.isPresent() && inForce.get().sha256().equals(earlier.sha256())) {
            throw ApiException.badRequest("批次 " + earlier.batchId() + " 的内容就是当前在用的版本，无需恢复。");
        }
        Path original = catalog().originalFile(earlier)
                .orElseThrow(() -> ApiException.badRequest("批次 " + earlier.batchId() + " 没有保存原始文件，无法恢复。"));
        BatchReport report = deps.landing().ingest(new Upload(earlier.feed(), earlier.period(), earlier.unit(),
                principal.name(), earlier.originalName(), original, earlier.batchId()));
        deps.audit().record(ctx, AuditLog.ADMIN, earlier.batchId(), "restore as " + report.batchId() + " status="
                + report.status(), report.status().name());
        ctx.status(report.refused() ? 422 : 200).contentType("application/json; charset=utf-8").result(report.toJson());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
