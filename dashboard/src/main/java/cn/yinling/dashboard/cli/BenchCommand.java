package cn.yinling.dashboard.cli;

import cn.yinling.datasets.Calibration;
import cn.yinling.datasets.GeneratorOptions;
import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Upload;
import cn.yinling.warehouse.serve.CalibrationQueries;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.HeapPeak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aging bench}: wall times and peak memory of generation, landing (rows per second of every feed) and the ETL at
 * a given scale, the generator's calibration figures against the committee's report, and DuckDB's own CSV→Parquet of
 * the same household file as a yardstick for the landing step. Figures, not assertions.
 */
@Command(name = "bench", description = "基准测试：生成、接收（行/秒）、ETL 的用时与内存峰值")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "1.0", description = "规模（默认 ${DEFAULT-VALUE}）")
    double scale;

    @Option(names = "--from", defaultValue = "2024-12", description = "起始月份（默认 ${DEFAULT-VALUE}：只测一个月）")
    YearMonth from;

    @Option(names = "--to", defaultValue = "2024-12", description = "截止月份（默认 ${DEFAULT-VALUE}）")
    YearMonth to;

    @Option(names = "--quarterly", description = "户籍快照按季度")
    boolean quarterly;

    @Option(names = "--work", description = "工作目录（默认 AGING_HOME 下的 bench/）")
    Path work;

    @Option(names = "--no-etl", description = "只测生成与接收，不运行 ETL")
    boolean noEtl;

    @Option(names = "--etl-only", description = "只重跑 ETL：沿用工作目录中上次生成并接收的数据（不删除、不重新生成）")
    boolean etlOnly;

    private final List<String> figures = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path root = work != null ? work : AgingCli.home().root().resolve("bench");
        Path feeds = root.resolve("feeds");
        AgingHome home = new AgingHome(root.resolve("home"));
        List<Calibration.Figure> calibration;
        if (etlOnly) {
            if (noEtl) {
                throw new RefusedInputException("--etl-only 与 --no-etl 不能同时使用。");
            }
            if (!Files.isDirectory(home.landing()) || !Files.isRegularFile(feeds.resolve("ingest-plan.csv"))) {
                throw new RefusedInputException("工作目录 " + root + " 中没有上次生成并接收的数据：请先不带 --etl-only 运行一次"
                        + " aging bench（可加 --no-etl），再用同一 --work 目录重跑 ETL。");
            }
            calibration = Calibration.read(feeds);
        } else {
            calibration = generateAndLand(root, feeds, home);
            if (calibration == null) {
                return 1;
            }
        }
        int exitCode = 0;
        List<Calibration.Figure> warehouse = List.of();
        if (!noEtl) {
            long start = System.nanoTime();
            EtlRun etl = runEtlMeasured(home);
            figure("ETL（" + (etlOnly ? "沿用的数据" : from + "–" + to) + "）", Duration.ofNanos(System.nanoTime() - start),
                    String.format("进程内存峰值（RSS）%,d MiB，堆峰值 %s MiB，mart_kpi %s 行，退出码 %d", etl.peakRssMb(),
                            etl.peakHeapMb() < 0 ? "?" : String.format("%,d", etl.peakHeapMb()),
                            etl.martKpiRows() < 0 ? "?" : String.format("%,d", etl.martKpiRows()), etl.exitCode()));
            exitCode = etl.exitCode() == 0 ? 0 : 1;
            if (exitCode == 0) {
                warehouse = warehouseCalibration(home, calibration);
            }
        }

        System.out.println();
        System.out.println("基准测试结果（" + (etlOnly ? "沿用 " + root + " 的数据" : "scale " + scale) + "，"
                + Runtime.getRuntime().availableProcessors() + " 核）");
        figures.forEach(System.out::println);
        System.out.println("生成数据与老龄委工作报告口径对照（目标按规模折算）：");
        calibration.forEach(f -> System.out.println("  " + f));
        if (!warehouse.isEmpty()) {
            System.out.println("已发布版本（数仓）与工作报告口径对照，括号内为与生成数据之差：");
            for (int i = 0; i < warehouse.size(); i++) {
                Calibration.Figure published = warehouse.get(i);
                double generated = calibration.get(i).value();
                System.out.printf("  %s（%+.2f%%）%n", published,
                        generated == 0 ? 0 : 100 * (published.value() - generated) / generated);
            }
        }
        return exitCode;
    }

    /**
     * Generates the city into {@code feeds} and lands it into {@code home} (both under a fresh {@code root}), timing
     * each part; returns the generator's calibration figures, or null when the household file was refused.
     */
    private List<Calibration.Figure> generateAndLand(Path root, Path feeds, AgingHome home) throws Exception {
        deleteRecursively(root);

        long start = System.nanoTime();
        try (HeapPeak heap = HeapPeak.start()) {
            GenerateCommand.generate(new GeneratorOptions(scale, from, to, 1, quarterly, feeds));
            figure("生成 generate", Duration.ofNanos(System.nanoTime() - start), "堆峰值 " + heap.peakMb() + " MiB");
        }
        List<Calibration.Figure> calibration = Calibration.read(feeds);
        System.err.println("生成数据与老龄委工作报告口径对照（目标按规模折算）：");
        calibration.forEach(f -> System.err.println("  " + f));

        IngestPlan plan = IngestPlan.read(feeds);
        // The yardstick needs a CSV: DuckDB reads no XLSX without an extension (and nothing may be downloaded). A small
        // city's last snapshot is an XLSX, so the last household CSV is compared, or none when every one is an XLSX.
        List<IngestPlan.Entry> households = plan.entries().stream().filter(e -> e.feed().equals("household")).toList();
        if (households.isEmpty()) {
            throw new IllegalStateException("no household file was generated");
        }
        IngestPlan.Entry household = households.stream().filter(e -> e.file().toString().endsWith(".csv"))
                .reduce((a, b) -> b).orElse(households.get(households.size() - 1));
        Landing landing = new Landing(home, landingOptions(plan));
        List<IngestPlan.Entry> others = new ArrayList<>(plan.entries());
        others.remove(household);
        // The region batch must land first: the household rows are checked against it.
        IngestPlan.Entry region = others.remove(0);
        Map<String, long[]> byFeed = new LinkedHashMap<>();
        long began = System.nanoTime();
        tally(byFeed, region, landing.ingest(upload(region)).rowsRead(), System.nanoTime() - began);
        System.gc();
        BatchReport report;
        Duration landingTime;
        long landingHeapMb;
        try (HeapPeak heap = HeapPeak.start()) {
            start = System.nanoTime();
            report = landing.ingest(upload(household));
            landingTime = Duration.ofNanos(System.nanoTime() - start);
            landingHeapMb = heap.peakMb();
        }
        if (report.refused()) {
            System.err.println("户籍文件被拒收，基准测试中止：" + report.fatal().message());
            return null;
        }
        tally(byFeed, household, report.rowsRead(), landingTime.toNanos());
        figure("接收户籍 household " + household.file().getFileName() + " " + String.format("%,d", report.rowsRead()) + " 行",
                landingTime, String.format("%,.0f 行/秒，堆峰值 %d MiB，状态 %s", report.rowsRead() / seconds(landingTime),
                        landingHeapMb, report.status()));

        if (household.file().toString().endsWith(".csv")) {
            Duration duckDbTime = duckDbCsvToParquet(household.file(), root.resolve("duckdb-household.parquet"));
            figure("DuckDB CSV→Parquet 同一文件", duckDbTime,
                    String.format("接收用时 / DuckDB 用时 = %.1f", seconds(landingTime) / seconds(duckDbTime)));
        } else {
            figure("DuckDB CSV→Parquet 同一文件", Duration.ZERO,
                    "未比较：户籍快照均为 XLSX（DuckDB 不加载扩展读不了 XLSX），可加大 --scale 或延长月份");
        }

        // every other file in plan order, timed feed by feed
        long rows = 0;
        start = System.nanoTime();
        for (IngestPlan.Entry entry : others) {
            began = System.nanoTime();
            long read = landing.ingest(upload(entry)).rowsRead();
            tally(byFeed, entry, read, System.nanoTime() - began);
            rows += read;
        }
        Duration restTime = Duration.ofNanos(System.nanoTime() - start);
        byFeed.forEach((feed, f) -> figure("  接收 " + feed + " " + f[0] + " 个文件 " + String.format("%,d", f[1]) + " 行",
                Duration.ofNanos(f[2]), String.format("%,.0f 行/秒", f[1] / seconds(Duration.ofNanos(f[2])))));
        figure("接收其余 " + others.size() + " 个文件 " + String.format("%,d", rows) + " 行", restTime,
                String.format("%,.0f 行/秒", rows / seconds(restTime)));

        return calibration;
    }

    /**
     * The calibration figures as the published version has them, in the order of the generator's: the warehouse must
     * reproduce the report's figures, not only the generator.
     */
    private static List<Calibration.Figure> warehouseCalibration(AgingHome home, List<Calibration.Figure> generated) {
        Map<String, Double> figures;
        try (WarehouseReader reader = WarehouseReader.open(home)) {
            figures = reader.withVersion(jdbi -> jdbi.withExtension(CalibrationQueries.class,
                    CalibrationQueries::cityFigures)).byCode();
        }
        List<Calibration.Figure> published = new ArrayList<>();
        for (Calibration.Figure f : generated) {
            Double value = figures.get(f.code());
            published.add(new Calibration.Figure(f.code(), f.name(), value == null ? Double.NaN : value, f.target(),
                    f.unit()));
        }
        return published;
    }

    /**
     * The configured landing options, with the size limit raised to the largest generated file: a whole city's
     * register is about a gigabyte, over the 200 MB a unit may upload by default, and the bench measures landing it.
     */
    private static LandingOptions landingOptions(IngestPlan plan) throws IOException {
        LandingOptions configured = LandingOptions.fromEnvironment(AgingCli.environment);
        long largest = 0;
        for (IngestPlan.Entry entry : plan.entries()) {
            largest = Math.max(largest, Files.size(entry.file()));
        }
        return largest > configured.maxUploadBytes() ? configured.withMaxUploadBytes(largest) : configured;
    }

    private static void tally(Map<String, long[]> byFeed, IngestPlan.Entry entry, long rowsRead, long nanos) {
        long[] f = byFeed.computeIfAbsent(entry.feed(), k -> new long[3]);
        f[0]++;
        f[1] += rowsRead;
        f[2] += nanos;
    }

    private static Upload upload(IngestPlan.Entry entry) {
        return new Upload(entry.feed(), entry.period(), entry.unit(), "bench", entry.file().getFileName().toString(),
                entry.file());
    }

    private void figure(String what, Duration time, String detail) {
        String line = String.format("%-36s %8.1f 秒   %s", what, seconds(time), detail);
        figures.add(line);
        System.err.println(line);
    }

    private static double seconds(Duration d) {
        return Math.max(d.toNanos(), 1) / 1e9;
    }

    /** DuckDB reading the same CSV (typed, header found as the landing step finds it) and writing Parquet. */
    static Duration duckDbCsvToParquet(Path csv, Path parquet) throws Exception {
        Path utf8 = csv;
        int headerLine;
        Charset charset = isUtf8(csv) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        if (!charset.equals(StandardCharsets.UTF_8)) {
            // DuckDB reads UTF-8 only; converting first is not timed, which favours DuckDB.
            utf8 = csv.resolveSibling(csv.getFileName() + ".utf8.csv");
            try (BufferedReader in = Files.newBufferedReader(csv, charset);
                    var out = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
        }
        headerLine = headerLineIndex(utf8);
        Class.forName("org.duckdb.DuckDBDriver");
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions=false");
            statement.execute("SET autoload_known_extensions=false");
            statement.execute(BenchSql.duckDbCopy(utf8, headerLine, parquet));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean isUtf8(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 20);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(head)) != null;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static int headerLineIndex(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 50; i++) {
                String line = in.readLine();
                if (line != null && line.contains("公民身份号码")) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** What the ETL process reported: exit code, peak RSS (from /proc), peak heap and mart_kpi rows (from its output). */
    record EtlRun(int exitCode, long peakRssMb, long peakHeapMb, long martKpiRows) {
    }

    /** The summary line of EtlMain names the peak heap; its table list ends with one {@code "  table\trows"} per table. */
    private static final Pattern PEAK_HEAP = Pattern.compile("堆峰值 (\\d+) MiB");
    private static final Pattern MART_KPI_ROWS = Pattern.compile("^\\s+mart_kpi\\t(\\d+)$");

    /**
     * The ETL as a separate process, its output passed on to stderr; its peak resident memory read from /proc while
     * it runs, its peak heap and the mart_kpi row count read from what it prints.
     */
    private static EtlRun runEtlMeasured(AgingHome home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(AgingCli.repositoryRoot().resolve("aging").toString(), "etl")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("AGING_HOME", home.root().toString());
        Process process = builder.start();
        long[] reported = {-1, -1};
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.err.println(line);
                    Matcher heap = PEAK_HEAP.matcher(line);
                    if (heap.find()) {
                        reported[0] = Long.parseLong(heap.group(1));
                    }
                    Matcher kpi = MART_KPI_ROWS.matcher(line);
                    if (kpi.find()) {
                        reported[1] = Long.parseLong(kpi.group(1));
                    }
                }
            } catch (IOException ended) {
                // the process closed its output
            }
        }, "etl-output");
        reader.start();
        long peakKb = 0;
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException processEnded) {
                break;
            }
            Thread.sleep(250);
        }
        int exit = process.waitFor();
        reader.join();
        return new EtlRun(exit, peakKb / 1024, reported[0], reported[1]);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
