package cn.yinling.warehouse.land;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.HeapPeak;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the landing of one household CSV ({@code aging bench}). The file is landed into a scratch copy of the landing
 * zone that holds only the region batches in force of {@code home}, so the real archive is untouched and a repeated run
 * is never {@code unchanged}. When {@code home} has no region batch and the CSV lies in a folder written by the
 * generator ({@code <out>/household/…csv} beside {@code <out>/ingest-plan.csv}), the plan's region files are landed
 * into the scratch zone first, untimed.
 */
public final class LandingBenchmark {

    /**
     * @param rows          data rows read
     * @param seconds       wall time of the ingest
     * @param rowsPerSecond rows / seconds
     * @param peakHeapBytes the highest heap use seen during the run (sampled, see HeapPeak)
     * @param cpuSeconds    CPU time the JVM process used during the run (DuckDB's native threads included); on a
     *                      busy shared machine a steadier figure than wall time
     * @param report        the batch report of the run
     */
    public record Result(long rows, double seconds, double rowsPerSecond, long peakHeapBytes, double cpuSeconds,
            BatchReport report) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%,d rows in %.2f s = %,.0f rows/s, CPU %.2f s (all threads of the JVM), peak heap %,d MiB, status %s",
                    rows, seconds, rowsPerSecond, cpuSeconds, peakHeapBytes / (1024 * 1024), report.status());
        }
    }

    private LandingBenchmark() {
    }

    /** Lands {@code householdCsv} as {@code public_security:320300} for 2024-12 and prints the figures to stdout. */
    public static Result run(Path householdCsv, AgingHome home) {
        return run(householdCsv, home, "2024-12", "public_security:320300", System.out);
    }

    public static Result run(Path householdCsv, AgingHome home, String period, String unit, PrintStream out) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("aging-bench-");
            copyRegionBatches(home, new AgingHome(scratch));
            if (new LandingCatalog(home).inForce("region").isEmpty()) {
                landPlannedRegionFiles(householdCsv, new AgingHome(scratch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Landing landing = new Landing(new AgingHome(scratch), LandingOptions.fromEnvironment()
                    .withRejectThreshold(1.0).withMaxUploadBytes(Long.MAX_VALUE));
            landing.regionRegistry();
            System.gc();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            BatchReport report;
            long peakHeapBytes;
            try (HeapPeak heap = HeapPeak.start()) {
                report = landing.ingest(new Upload("household", period, unit, "bench",
                        householdCsv.getFileName().toString(), householdCsv));
                peakHeapBytes = heap.peakBytes();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            Result result = new Result(report.rowsRead(), seconds, report.rowsRead() / seconds, peakHeapBytes, cpu, report);
            out.println(result);
            return result;
        } finally {
            Landing.deleteRecursively(scratch);
        }
    }

    private static void copyRegionBatches(AgingHome from, AgingHome to) throws IOException {
        LandingCatalog catalog = new LandingCatalog(from);
        for (Manifest m : catalog.inForce("region")) {
            Path source = catalog.batchDirectory(m);
            Path target = to.root().resolve(from.root().relativize(source));
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
        }
    }

    /** Lands the region entries of the generator's ingest-plan.csv next to the household file's folder, if any. */
    private static void landPlannedRegionFiles(Path householdCsv, AgingHome scratch) throws IOException {
        Path folder = householdCsv.toAbsolutePath().getParent();
        Path generated = folder == null ? null : folder.getParent();
        Path plan = generated == null ? null : generated.resolve("ingest-plan.csv");
        if (plan == null || !Files.isRegularFile(plan)) {
            return;
        }
        Landing landing = new Landing(scratch, LandingOptions.fromEnvironment());
        for (String line : Files.readAllLines(plan)) {
            String[] f = line.split(",");
            // file,feed,period,unit
            if (f.length == 4 && "region".equals(f[1])) {
                Path file = generated.resolve(f[0]);
                landing.ingest(new Upload("region", f[2], f[3], "bench", file.getFileName().toString(), file));
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** {@code LandingBenchmark <household.csv> [AGING_HOME]}. */
    public static void main(String[] args) {
        AgingHome home = args.length > 1 ? new AgingHome(Path.of(args[1])) : AgingHome.fromEnvironment();
        run(Path.of(args[0]), home);
    }
}
