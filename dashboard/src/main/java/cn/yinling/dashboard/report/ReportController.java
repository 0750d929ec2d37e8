package cn.yinling.dashboard.report;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.portal.FileNames;
import cn.yinling.dashboard.web.ApiException;
import io.javalin.http.Context;
import java.util.Set;

/** The report page's API: which years can be reported, and the report of a year as DOCX or PDF (logged as an export). */
public final class ReportController {

    private final Dependencies deps;
    private final AnnualReports reports;

    public ReportController(Dependencies deps) {
        this.deps = deps;
        // The font (AGING_REPORT_FONT) is the process's business, like the fonts installed on the machine.
        this.reports = AnnualReports.wired(deps.warehouse(), deps::catalog, System.getenv());
    }

    /** GET /api/v1/reports/annual */
    public void available(Context ctx) {
        ctx.json(reports.available());
    }

    /** GET /api/v1/reports/annual/{year}?format=docx|pdf */
    public void download(Context ctx) {
        int year = year(ctx.pathParam("year"));
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("pdf");
        Set<AnnualReports.Format> formats;
        try {
            formats = AnnualReports.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (formats.size() != 1) {
            throw ApiException.badRequest("请选择一种格式下载：format=docx 或 format=pdf。");
        }
        AnnualReports.Report report;
        try {
            report = reports.write(year, formats);
        } catch (YearNotPublishedException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (ReportFontException e) {
            throw new ApiException(503, e.getMessage());
        }
        AnnualReports.File file = report.files().get(0);
        deps.audit().record(ctx, AuditLog.EXPORT, "report:" + year,
                "annual report " + file.format() + " version=" + report.version(), "ok");
        // A binary download: no charset (Jetty would append the default text one).
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(file.format().contentType());
        ctx.header("Content-Disposition", FileNames.contentDisposition(file.fileName()));
        ctx.header("X-Report-Version", Integer.toString(report.version()));
        ctx.result(file.content());
    }

    static int year(String text) {
        try {
            int year = Integer.parseInt(text.trim());
            if (year >= 1900 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("年度应为四位数字，例如 2024，实际为：" + text);
    }
}
