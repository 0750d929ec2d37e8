package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.datasets.CityGenerator;
import cn.yinling.datasets.GeneratorOptions;
import cn.yinling.datasets.ProgressListener;
import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.BatchStatus;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Upload;
import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one generated city of a test JVM: generated (a tiny scale over the 24 months the forecast's one-year backtest
 * needs), landed through the real {@link Landing}, run through one ETL and published. GeneratedCityEtlTest,
 * GeneratedCityForecastTest and AuditPrecisionRecallTest all read this version: generating, landing and transforming
 * a city is the most expensive thing the suite does, so it is done once. The ETL's time grows with the rows, so the
 * scale is the smallest at which every audit rule is still planted (at least three cases each, whatever the scale)
 * and the forecast's fit of mortality from some 50 deaths a year per sex at 60+ stays within its test's bounds; the
 * months are the forecast's: a base a year before the latest month with a year of flows before it.
 */
final class GeneratedCity {

    static final double SCALE = 0.001;
    static final YearMonth FROM = YearMonth.of(2023, 1);
    static final YearMonth TO = YearMonth.of(2024, 12);
    static final long SEED = 7;
    static final String SECRET = "generated-city";

    private static GeneratedCity city;

    final Path feeds;
    final AgingHome home;
    final EtlRun.Result result;
    final Duration generating;
    final Duration landing;

    private GeneratedCity(Path feeds, AgingHome home, EtlRun.Result result, Duration generating, Duration landing) {
        this.feeds = feeds;
        this.home = home;
        this.result = result;
        this.generating = generating;
        this.landing = landing;
    }

    /** The city, built on first use. */
    static synchronized GeneratedCity get() {
        if (city == null) {
            city = build();
            System.out.printf("generated city (scale %s, %s..%s, seed %d): generated in %.1f s, landed in %.1f s, ETL %.1f s%n",
                    SCALE, FROM, TO, SEED, city.generating.toMillis() / 1e3, city.landing.toMillis() / 1e3,
                    city.result.elapsed().toMillis() / 1e3);
        }
        return city;
    }

    private static GeneratedCity build() {
        try {
            Path root = Files.createTempDirectory("aging-generated-city");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
            Path feeds = root.resolve("feeds");
            long started = System.nanoTime();
            new CityGenerator(new GeneratorOptions(SCALE, FROM, TO, SEED, false, feeds)).generate(ProgressListener.NONE);
            long generated = System.nanoTime();
            AgingHome home = new AgingHome(root.resolve("home"));
            Landing landing = new Landing(home, LandingOptions.defaults());
            for (String[] entry : csv(feeds.resolve("ingest-plan.csv"))) {
                BatchReport report = landing.ingest(new Upload(entry[1], entry[2], entry[3], "test",
                        Path.of(entry[0]).getFileName().toString(), feeds.resolve(entry[0])));
                assertEquals(BatchStatus.accepted, report.status(), entry[0] + ": " + report.fatal());
            }
            long landed = System.nanoTime();
            EtlRun.Result result = new EtlRun(EtlRun.Options.defaults(home, SECRET.getBytes(StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).run(SharedSpark.get());
            return new GeneratedCity(feeds, home, result, Duration.ofNanos(generated - started),
                    Duration.ofNanos(landed - generated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published table of the city's version. */
    Dataset<Row> table(String name) {
        Path dir = new VersionStore(home).dir(result.version()).resolve(name);
        return SharedSpark.get().read().parquet(dir.toUri().toString());
    }

    /** A generator file under the feeds folder (truth/kpi.csv …), header skipped, fields split on commas. */
    List<String[]> truth(String relative) {
        try {
            return csv(feeds.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** person_key of an 18-digit ID number, computed independently of the ETL's function. */
    String personKey(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no test failure
        }
    }
}
