package cn.yinling.dashboard.report;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.KpiQueries;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annual report (issue #6): pins the live warehouse version, reads every figure of the year from it, composes
 * the document once and renders it as DOCX and/or PDF. Used by {@code aging report} and the report page.
 */
public final class AnnualReports {

    private static final Logger LOG = LoggerFactory.getLogger(AnnualReports.class);

    /** The formats a report is written in. */
    public enum Format {
        docx(DocxWriter.CONTENT_TYPE), pdf("application/pdf");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** docx | pdf | both (case-insensitive); Chinese message otherwise. */
        public static Set<Format> parse(String text) {
            String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "docx" -> EnumSet.of(docx);
                case "pdf" -> EnumSet.of(pdf);
                case "both" -> EnumSet.of(docx, pdf);
                default -> throw new IllegalArgumentException("报告格式应为 docx、pdf 或 both，实际为：" + text);
            };
        }
    }

    /** One written file of a report. */
    public record File(Format format, String fileName, byte[] content) {
    }

    /** A report as written: the version its figures come from, and its files. */
    public record Report(int version, int year, String title, List<File> files) {
    }

    /** What the report page offers: the live version and the years it has figures for. */
    public record Available(int version, String publishedAt, List<Integer> years, String latestMonth) {
    }

    private final WarehouseReader warehouse;
    private final Supplier<KpiCatalog> catalog;
    private final Supplier<ReportFont> font;
    private final ProjectionSource projections;
    private final AuditRuleNames ruleNames;
    private final Clock clock;

    public AnnualReports(WarehouseReader warehouse, Supplier<KpiCatalog> catalog, Supplier<ReportFont> font,
            ProjectionSource projections, AuditRuleNames ruleNames, Clock clock) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.font = font;
        this.projections = projections;
        this.ruleNames = ruleNames;
        this.clock = clock;
    }

    /** As the CLI and the app run it: the font from the environment, the sources of {@link ReportWiring}. */
    public static AnnualReports wired(WarehouseReader warehouse, Supplier<KpiCatalog> catalog,
            Map<String, String> environment) {
        AtomicReference<ReportFont> located = new AtomicReference<>();
        // Found once (the AWT copy of the font is made once per ReportFont); a failure is retried on the next report.
        Supplier<ReportFont> font = () -> located.updateAndGet(f -> f != null ? f : ReportFont.locate(environment));
        return new AnnualReports(warehouse, catalog, font, ReportWiring.projections(), ReportWiring.auditRuleNames(),
                Clock.systemDefaultZone());
    }

    /**
     * Writes the report of {@code year} from the live version in the given formats.
     *
     * @throws YearNotPublishedException when the version has no figures for the year
     * @throws ReportFontException       when no usable Chinese font is installed
     */
    public Report write(int year, Set<Format> formats) {
        long started = System.nanoTime();
        KpiCatalog kpis = catalog.get();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(VersionLineage.SHANGHAI));
        ReportDocument[] document = new ReportDocument[1];
        ReportFont[] reportFont = new ReportFont[1];
        int version = warehouse.withPinnedVersion(pinned -> {
            AnnualFigures figures = AnnualFigures.read(pinned, kpis, year);
            // Looked for once the version and the year are known to be there: without data, installing a font is not
            // what the user has to do first.
            reportFont[0] = font.get();
            ChartRenderer charts = new ChartRenderer(reportFont[0]);
            Optional<Projection> projection;
            String gap = null;
            try {
                projection = Optional.of(projections.project(pinned, 5));
            } catch (ProjectionSource.ProjectionUnavailableException e) {
                projection = Optional.empty();
                gap = e.getMessage();
            }
            document[0] = AnnualReportComposer.compose(figures, projection, gap, charts, ruleNames, now);
            return pinned.number();
        });
        List<File> files = new ArrayList<>();
        String base = document[0].title() + "-第" + version + "版";
        if (formats.contains(Format.docx)) {
            files.add(new File(Format.docx, base + ".docx", DocxWriter.write(document[0])));
        }
        if (formats.contains(Format.pdf)) {
            try (ReportFont.Loaded loaded = reportFont[0].open()) {
                files.add(new File(Format.pdf, base + ".pdf", PdfWriter.write(document[0], loaded)));
            }
        }
        LOG.info("annual report {} of version {} ({}) written in {} ms", year, version, formats,
                (System.nanoTime() - started) / 1_000_000);
        return new Report(version, year, document[0].title(), List.copyOf(files));
    }

    /** The live version and the years with KPI values in it, newest first. */
    public Available available() {
        return warehouse.withPinnedVersion(pinned -> {
            List<YearMonth> months = pinned.jdbi().withExtension(KpiQueries.class, KpiQueries::months).stream()
                    .map(YearMonth::parse).toList();
            VersionLineage lineage = VersionLineage.read(pinned.version().directory());
            List<Integer> years = months.stream().map(YearMonth::getYear).distinct()
                    .sorted((a, b) -> Integer.compare(b, a)).toList();
            return new Available(pinned.number(), lineage.publishedAt().toString(), years,
                    months.isEmpty() ? null : months.get(months.size() - 1).toString());
        });
    }
}
