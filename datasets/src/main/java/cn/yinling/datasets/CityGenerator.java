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
 * chosen months, written as the member units would send their feeds, plus the truth the warehouse must reproduce.
 *
 * <p>Output layout under {@code out}:
 * <pre>
 *   &lt;feed&gt;/&lt;file&gt;          the feed files (CSV UTF-8 / UTF-8 BOM / GB18030, XLSX), as units send them
 *   ingest-plan.csv          file,feed,period,unit — every file in ingest order (region, then by period: facility,
 *                            household, death)
 *   truth/rejections.csv     file,row,column,rule — every planted bad row (row = Excel row / CSV line)
 *   truth/batches.csv        file,feed,period,unit,rows_read,rows_loaded,rows_quarantined,footer_rows
 *   truth/kpi.csv            kpi_code,region_code,month,numerator,denominator (city and districts)
 * </pre>
 * Same options and seed ⇒ byte-identical CSV files (XLSX differ only in zip timestamps).
 */
public final class CityGenerator {

    /** Folders and files this generator owns under {@code out}; cleared before writing. */
    static final List<String> OWNED = List.of("region", "facility", "household", "death", "truth", "ingest-plan.csv");

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
        long finalPopulation = KpiTruth.write(ctx, householdFeed, facilityFeed, out.resolve("truth").resolve("kpi.csv"));
        truth.write(out);

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
