package cn.yinling.dashboard.cli;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.report.AnnualReports;
import cn.yinling.dashboard.report.ReportFontException;
import cn.yinling.dashboard.report.YearNotPublishedException;
import cn.yinling.dashboard.web.ClientAddress;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aging report --year 2024}: the annual report of the live version, as DOCX and/or PDF; prints the paths. */
@Command(name = "report", description = "生成年度报告（Word 与 PDF），数据取自已发布的最新版本")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--year", required = true, description = "报告年度，如 2024")
    int year;

    @Option(names = "--out", defaultValue = ".", description = "输出目录（默认当前目录）")
    Path out;

    @Option(names = "--format", defaultValue = "both", description = "docx|pdf|both（默认 ${DEFAULT-VALUE}）")
    String format;

    @Override
    public Integer call() {
        Set<AnnualReports.Format> formats;
        try {
            formats = AnnualReports.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new RefusedInputException(e.getMessage());
        }
        if (year < 1900 || year > 2100) {
            throw new RefusedInputException("年度应为四位数字，例如 2024，实际为：" + year);
        }
        KpiCatalog catalog = KpiCatalog.withTargets(AgingCli.home().config().resolve("targets.properties"));
        AnnualReports.Report report;
        try (WarehouseReader reader = WarehouseReader.open(AgingCli.home())) {
            report = AnnualReports.wired(reader, () -> catalog, AgingCli.environment).write(year, formats);
        } catch (YearNotPublishedException e) {
            throw new RefusedInputException(e.getMessage());
        } catch (NoPublishedVersionException | ReportFontException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        for (AnnualReports.File file : report.files()) {
            System.out.println(write(file).toAbsolutePath().normalize());
        }
        new AuditLog(AppStore.open(AgingCli.home()), new ClientAddress(false), Clock.systemUTC()).record("cli", null,
                AuditLog.EXPORT, "report:" + year, "annual report " + report.files().stream()
                        .map(f -> f.format().name()).collect(Collectors.joining(",")) + " version=" + report.version(),
                "ok", "local");
        return 0;
    }

    /** Written under a temporary name and renamed, so a reader never opens half a file. */
    private Path write(AnnualReports.File file) {
        try {
            Files.createDirectories(out);
            Path target = out.resolve(file.fileName());
            // A plain file (not createTempFile, which makes it readable by the owner only): the report is for sharing.
            Path tmp = out.resolve("." + file.fileName() + ".tmp");
            Files.write(tmp, file.content());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.fileName() + " to " + out, e);
        }
    }
}
