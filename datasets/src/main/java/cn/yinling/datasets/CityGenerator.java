package cn.yinling.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The deterministic synthetic city: a registered population of 徐州市 (real region codes) with its history over the
 * chosen months, and what the departments know about its elderly ({@link Elders}), written as the member units would
 * send their feeds, plus the truth the warehouse must reproduce.
 *
 * <p>Output layout under {@code out}:
 * <pre>
 *   &lt;feed&gt;/&lt;file&gt;          the feed files of the 12 feeds (CSV UTF-8 / UTF-8 BOM / GB18030, XLSX), as units send them
 *   ingest-plan.csv          file,feed,period,unit — every file in ingest order (region, then month by month: facility,
 *                            household, death, the person feeds; an annual batch after the month of its survey)
 *   truth/rejections.csv     file,row,column,rule — every planted bad row (row = Excel row / CSV line)
 *   truth/warnings.csv       file,row,column,rule — every warning the landing step lists (rows loaded)
 *   truth/batches.csv        file,feed,period,unit,rows_read,rows_loaded,rows_quarantined,footer_rows
 *   truth/kpi.csv            kpi_code,region_code,month,numerator,denominator,breakdown (city and districts)
 *   truth/calibration.csv    figure,name,value,target,unit — against the committee's report
 *   truth/audit.csv          rule,month,person_key_source,order_id,note — every case the audit rules must find
 *   truth/audit_near_misses.csv  the same columns: cases that must raise no finding of their rule
 * </pre>
 * Same options and seed ⇒ byte-identical CSV files (XLSX differ only in zip timestamps).
 */
public final class CityGenerator {

    /** Folders and files this generator owns under {@code out}; cleared before writing. */
    static final List<String> OWNED = List.of("region", "facility", "household", "death", "living_status",
            "accident_insurance", "allowance", "pension", "health_checkup", "ltc_benefit", "service_order", "care_visit",
            "truth", "ingest-plan.csv");

    private final GeneratorOptions options;

    public CityGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GenerationSummary generate(ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        try {
            return run(listener);
        } catch (IOException e) {
            throw new UncheckedIOException("写入生成数据失败：" + e.getMessage(), e);
        }
    }

    private GenerationSummary run(ProgressListener progress) throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        clearOwned(out);

        RegionRegistry regions = RegionRegistry.load();
        Timeline time = new Timeline(options.from(), options.to());
        Population population = Population.build(regions, time, options.scale(), options.seed(), progress);
        // a few moves within the city must be in the register before it is written
        AuditCases audit = AuditCases.plan(population, regions, time, options.seed());
        FacilityRegistry facilities = FacilityRegistry.build(regions, time, options.scale(), options.seed());
        Truth truth = new Truth();
        GenerationContext ctx = new GenerationContext(options, regions, time, population, facilities, truth, progress);

        new RegionFeed(ctx).write();
        FacilityFeed facilityFeed = new FacilityFeed(ctx);
        facilityFeed.write();
        HouseholdFeed householdFeed = new HouseholdFeed(ctx);
        householdFeed.write();
        DeathFeed deathFeed = new DeathFeed(ctx);
        deathFeed.write();

        Elders elders = new Elders(population, regions, time, options.seed());
        audit.choose(elders, householdFeed);
        // an annual batch lands after the household snapshot of its survey month, the register it is checked against
        truth.ingestAnnualAfter(time, year -> Math.max(0, elders.firstMonthOfYear(Integer.parseInt(year))));
        new LivingStatusFeed(ctx, elders, householdFeed).write();
        new AccidentInsuranceFeed(ctx, elders).write();
        new AllowanceFeed(ctx, elders, audit).write();
        new PensionFeed(ctx, elders, audit).write();
        new HealthCheckupFeed(ctx, elders).write();
        new LtcBenefitFeed(ctx, elders).write();
        ServiceOrderFeed serviceOrders = new ServiceOrderFeed(ctx, elders, facilityFeed, audit);
        serviceOrders.write();
        CareVisitFeed careVisits = new CareVisitFeed(ctx, elders, householdFeed);
        careVisits.write();

        List<KpiTruth.CityMonth> city = KpiTruth.write(ctx, householdFeed, facilityFeed,
                new KpiTruth.PersonFeeds(elders, careVisits, serviceOrders, audit), out.resolve("truth").resolve("kpi.csv"));
        Calibration.write(out.resolve("truth").resolve(Calibration.FILE_NAME), Calibration.figures(options, city));
        truth.write(out);
        audit.write(out);
        long finalPopulation = city.isEmpty() ? 0 : city.get(city.size() - 1).popTotal();

        Map<String, Integer> byFeed = new LinkedHashMap<>();
        long dataRows = 0;
        for (Truth.Batch b : truth.ingestOrder()) {
            byFeed.merge(b.feed(), 1, Integer::sum);
            dataRows += b.rowsRead();
        }
        return new GenerationSummary(out, truth.batches().size(), Map.copyOf(byFeed), dataRows,
                truth.rejectionCount(), population.initialSize, finalPopulation, population.deathCount(),
                facilities.all().size());
    }

    private static void clearOwned(Path out) throws IOException {
        for (String name : OWNED) {
            Path p = out.resolve(name);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
