package cn.yinling.warehouse.land;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Tiny hand-made feed files and helpers shared by the landing tests. */
final class Fixtures {

    /** 2025-01-15 10:00 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T02:00:00Z"), LandingOptions.ZONE);

    private Fixtures() {
    }

    static LandingOptions options() {
        return LandingOptions.defaults().withClock(CLOCK);
    }

    /** A resident ID: 6-digit area, yyyymmdd, 3-digit sequence (odd = male) and the ISO 7064 MOD 11-2 check digit. */
    static String id(String area, String birth, String seq) {
        String body = area + birth + seq;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** The same ID with a wrong check digit. */
    static String badCheck(String id18) {
        char last = id18.charAt(17);
        return id18.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    /** A unified social credit code (GB 32100-2015) from 17 characters, with its MOD 31 check character. */
    static String uscc(String first17) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return first17 + chars.charAt(check == 31 ? 0 : check);
    }

    /** Xuzhou (320300) with two districts, a street each, communities under them. Codes of levels 1–4 written short. */
    static final String REGION_CSV = String.join("\n",
            "徐州市统计用区划代码（2024年）",
            "区划代码,名称,级别,上级代码,城乡分类代码",
            "32,江苏省,1,,",
            "3203,徐州市,2,32,",
            "320312,铜山区,3,3203,",
            "320312001,铜山街道,4,320312,",
            "320312001001,九里山社区居委会,5,320312001,111",
            "320312001002,拾屯村委会,5,320312001,220",
            "320311,泉山区,3,3203,",
            "320311001,王陵街道,4,320311,",
            "320311001001,王陵社区居委会,5,320311001,112",
            "") + "\n";

    static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, charset);
        return file;
    }

    static Path utf8(Path dir, String name, String... lines) throws IOException {
        return write(dir, name, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Lands the region codes as the statistics bureau of the city would. */
    static BatchReport landRegions(Landing landing, Path dir) throws IOException {
        Path file = write(dir, "region.csv", REGION_CSV, StandardCharsets.UTF_8);
        BatchReport report = landing.ingest(new Upload("region", "2024", "stats:320300", "test", "区划.csv", file));
        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        return report;
    }

    /** (row, column, rule) of each rejection, in report order, as "row:column:rule". */
    static List<String> findings(BatchReport report) {
        return report.rejections().stream().map(r -> r.row() + ":" + r.column() + ":" + r.rule()).toList();
    }

    static Connection duckdb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions=false");
            s.execute("SET autoload_known_extensions=false");
        }
        return c;
    }

    /** Column name → DuckDB type of a Parquet file. */
    static Map<String, String> parquetTypes(Path parquet) throws SQLException {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        try (Connection c = duckdb(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
            while (r.next()) {
                types.put(r.getString("column_name"), r.getString("column_type"));
            }
        }
        return types;
    }

    /** Rows of a query over a Parquet file (referred to as {@code t}), each as a string list. */
    static List<List<String>> rows(Path parquet, String select) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = duckdb(); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW t AS SELECT * FROM read_parquet('" + parquet + "')");
            try (ResultSet r = s.executeQuery(select)) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(r.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Every path under the landing zone, relative to it, sorted. */
    static List<String> landingTree(AgingHome home) throws IOException {
        if (!Files.exists(home.landing())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(home.landing())) {
            return walk.map(p -> home.landing().relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    static Map<String, Long> ruleCounts(BatchReport report) {
        return report.rejections().stream().collect(Collectors.groupingBy(Rejection::rule, TreeMap::new,
                Collectors.counting()));
    }
}
