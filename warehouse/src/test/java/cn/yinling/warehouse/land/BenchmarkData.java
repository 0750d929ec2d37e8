package cn.yinling.warehouse.land;

import cn.yinling.warehouse.store.AgingHome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Throwaway generator of a valid household CSV of any size for {@link LandingBenchmark}: a city of 5 districts × 10
 * streets × 20 communities, people with real check digits and matching sex and birth date. Run
 * {@code main(rows, outDir)} for a big file; nothing it writes is committed.
 */
final class BenchmarkData {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "建国秀英桂兰玉珍凤英志强丽华明德淑珍海燕文杰春梅红霞";

    private BenchmarkData() {
    }

    static List<String> communities() {
        List<String> codes = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            for (int s = 1; s <= 10; s++) {
                for (int c = 1; c <= 20; c++) {
                    codes.add(String.format("3203%02d%03d%03d", d, s, c));
                }
            }
        }
        return codes;
    }

    static Path writeRegions(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("区划代码,名称,级别,上级代码,城乡分类代码\n32,江苏省,1,,\n3203,徐州市,2,32,\n");
            for (int d = 1; d <= 5; d++) {
                String district = String.format("3203%02d", d);
                w.write(district + ",区" + d + ",3,3203,\n");
                for (int s = 1; s <= 10; s++) {
                    String street = district + String.format("%03d", s);
                    w.write(street + ",街道" + s + ",4," + district + ",\n");
                    for (int c = 1; c <= 20; c++) {
                        w.write(street + String.format("%03d", c) + ",社区" + c + ",5," + street + ",111\n");
                    }
                }
            }
        }
        return file;
    }

    /** Lands the generated city's region codes into {@code home}. */
    static void landRegions(AgingHome home, Path dir) throws IOException {
        Landing landing = new Landing(home, LandingOptions.defaults());
        BatchReport r = landing.ingest(new Upload("region", "2024", "stats:320300", "bench", "region.csv",
                writeRegions(dir.resolve("region.csv"))));
        if (r.status() != BatchStatus.accepted) {
            throw new IllegalStateException(r.toJson());
        }
    }

    static Path writeHouseholds(Path file, int rows, long seed) throws IOException {
        List<String> communities = communities();
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate first = LocalDate.of(1920, 1, 1);
        int span = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - first.toEpochDay());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期\n");
            StringBuilder b = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                String region = communities.get(random.nextInt(communities.size()));
                LocalDate birth = first.plusDays(random.nextInt(span));
                // the row number makes the 3-digit sequence plus area unique enough: vary the area by district too
                int seq = i % 1000;
                String area = "3203" + String.format("%02d", (i / 1000) % 100);
                String birthText = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                        birth.getDayOfMonth());
                String id = Fixtures.id(area, birthText, String.format("%03d", seq));
                boolean male = seq % 2 == 1;
                boolean dead = random.nextInt(100) < 3;
                int given = 2 * random.nextInt(GIVEN.length() / 2);
                b.setLength(0);
                b.append(id).append(',')
                        .append(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                        .append(GIVEN, given, given + 2)
                        .append(',').append(male ? '男' : '女').append(',').append(birth).append(',')
                        .append(region).append(",H").append(i / 3).append(',')
                        .append(dead ? "死亡,2024-06-01" : "正常,").append('\n');
                w.append(b);
            }
        }
        return file;
    }

    /** {@code BenchmarkData <rows> <dir>}: writes dir/household.csv and lands the region codes in dir/home. */
    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        landRegions(new AgingHome(dir.resolve("home")), dir);
        writeHouseholds(dir.resolve("household.csv"), rows, 1);
    }
}
