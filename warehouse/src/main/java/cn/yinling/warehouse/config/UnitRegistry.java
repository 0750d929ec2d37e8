package cn.yinling.warehouse.config;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.land.ReportingUnit;
import cn.yinling.warehouse.store.AgingHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The city's reporting units (成员单位) and what each must send: {@code $AGING_HOME/config/units.csv}, UTF-8 with header
 * {@code unit,name,expected_feeds,deadline_day}; when the city has no file of its own, the default shipped for the
 * synthetic city (resource {@code cn/yinling/warehouse/config/units.csv}). The dashboard edits the file (written
 * whole, atomically); the ETL reads it for the submission rate.
 */
public final class UnitRegistry {

    public static final String FILE_NAME = "units.csv";
    public static final String HEADER = "unit,name,expected_feeds,deadline_day";
    public static final int DEFAULT_DEADLINE_DAY = 10;
    private static final String RESOURCE = "units.csv";

    /**
     * One reporting unit.
     *
     * @param unit          {@code <department>:<6-digit scope>}
     * @param name          Chinese name, e.g. 铜山区民政局
     * @param expectedFeeds the feeds it must send, in file order
     * @param deadlineDay   day of the month after the period by which a batch is due (1–28)
     */
    public record Unit(String unit, String name, List<String> expectedFeeds, int deadlineDay) {

        public Unit {
            expectedFeeds = List.copyOf(expectedFeeds);
        }

        public ReportingUnit reportingUnit() {
            return ReportingUnit.parse(unit).orElseThrow();
        }

        public String department() {
            return reportingUnit().department();
        }
    }

    private final List<Unit> units;

    private UnitRegistry(List<Unit> units) {
        this.units = List.copyOf(units);
    }

    public static UnitRegistry of(List<Unit> units) {
        List<String> problems = problems(units);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return new UnitRegistry(units);
    }

    /** The city's file when it has one, else the shipped default (empty when neither exists). */
    public static UnitRegistry load(AgingHome home) {
        Path file = file(home);
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return shippedDefault();
    }

    public static UnitRegistry shippedDefault() {
        InputStream in = UnitRegistry.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return new UnitRegistry(List.of());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, "resource " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(AgingHome home) {
        return home.config().resolve(FILE_NAME);
    }

    static UnitRegistry parse(BufferedReader in, String source) throws IOException {
        String header = in.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().equals(HEADER)) {
            throw new IllegalArgumentException(source + " 的表头应为 " + HEADER);
        }
        List<Unit> units = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 3 || cells.length > 4) {
                throw new IllegalArgumentException(source + " 第" + lineNumber + "行应有 3 或 4 列：" + HEADER);
            }
            int deadline = DEFAULT_DEADLINE_DAY;
            if (cells.length == 4 && !cells[3].isBlank()) {
                try {
                    deadline = Integer.parseInt(cells[3].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " 第" + lineNumber + "行的 deadline_day 应为 1–28 的整数");
                }
            }
            units.add(new Unit(cells[0].trim(), cells[1].trim(), feeds(cells[2]), deadline));
        }
        List<String> problems = problems(units);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + "：" + String.join("；", problems));
        }
        return new UnitRegistry(units);
    }

    private static List<String> feeds(String cell) {
        List<String> feeds = new ArrayList<>();
        for (String feed : cell.split(";")) {
            if (!feed.isBlank()) {
                feeds.add(feed.trim());
            }
        }
        return feeds;
    }

    /** What is wrong with a list of units, in Chinese; empty when nothing is. */
    public static List<String> problems(List<Unit> units) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Unit u : units) {
            Optional<ReportingUnit> parsed = ReportingUnit.parse(u.unit());
            if (parsed.isEmpty()) {
                problems.add("单位代码“" + u.unit() + "”格式错误，应为“部门代码:6位区划代码”，如 civil_affairs:320312");
                continue;
            }
            if (!seen.add(u.unit())) {
                problems.add("单位 " + u.unit() + " 重复");
            }
            if (u.name() == null || u.name().isBlank() || u.name().contains(",")) {
                problems.add("单位 " + u.unit() + " 的名称不能为空，也不能含逗号");
            }
            if (u.deadlineDay() < 1 || u.deadlineDay() > 28) {
                problems.add("单位 " + u.unit() + " 的报送截止日应为 1–28，实际为 " + u.deadlineDay());
            }
            for (String feed : u.expectedFeeds()) {
                Optional<FeedContract> contract = Contracts.get().feed(feed);
                if (contract.isEmpty()) {
                    problems.add("单位 " + u.unit() + " 的应报数据“" + feed + "”不存在");
                } else if (!contract.get().sentBy(parsed.get().department())) {
                    problems.add(parsed.get().departmentName() + "不报送" + contract.get().name() + "（" + feed + "）");
                }
            }
        }
        return problems;
    }

    public List<Unit> units() {
        return units;
    }

    public Optional<Unit> find(String unit) {
        return units.stream().filter(u -> u.unit().equals(unit)).findFirst();
    }

    /** Writes {@code $AGING_HOME/config/units.csv} whole: a temporary file in the same folder, then one rename. */
    public void save(AgingHome home) {
        Path file = file(home);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Unit u : units) {
            text.append(u.unit()).append(',').append(u.name()).append(',').append(String.join(";", u.expectedFeeds()))
                    .append(',').append(u.deadlineDay()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".units", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
