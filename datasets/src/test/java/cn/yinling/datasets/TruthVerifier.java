package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every file the truth lists and checks it against the truth with rules written here from spec/feeds.md: data
 * and footer rows counted as batches.csv says, planted rows are data rows, at most 3 % of a file; for the register
 * feeds (region, household, death, facility) every planted row breaks exactly its one rule in the named column and
 * every other data row breaks none. The rules of the person feeds are checked through the real landing step instead
 * (GeneratedCityLandingTest), which this class would only duplicate.
 */
final class TruthVerifier {

    record Batch(String file, String feed, String period, String unit, long read, long loaded, long quarantined,
                 long footers) {
    }

    record Rejection(String file, int row, String column, String rule) {
    }

    static final Set<String> REGISTER_FEEDS = Set.of("region", "household", "death", "facility");

    final Path out;
    final List<Batch> batches = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final Map<String, Integer> plantedByRule = new HashMap<>();
    long cleanIdsChecked;
    private final Set<String> regionCodes = new HashSet<>();

    TruthVerifier(Path out) throws IOException {
        this.out = out;
        for (String[] c : csv(out.resolve("truth/batches.csv"))) {
            batches.add(new Batch(c[0], c[1], c[2], c[3], Long.parseLong(c[4]), Long.parseLong(c[5]),
                    Long.parseLong(c[6]), Long.parseLong(c[7])));
        }
        for (String[] c : csv(out.resolve("truth/rejections.csv"))) {
            rejections.add(new Rejection(c[0], Integer.parseInt(c[1]), c[2], c[3]));
        }
        for (RegionRegistry.Region r : RegionRegistry.load().all()) {
            regionCodes.add(r.code12());
        }
    }

    static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(SheetReader.splitCsv(line));
        }
        return rows;
    }

    Map<Integer, Rejection> rejectionsOf(String file) {
        Map<Integer, Rejection> byRow = new HashMap<>();
        for (Rejection r : rejections) {
            if (r.file().equals(file)) {
                assertTrue(byRow.put(r.row(), r) == null, "one planted rule per row: " + r);
            }
        }
        return byRow;
    }

    void verifyAll() throws IOException {
        long quarantined = 0;
        for (Batch b : batches) {
            verify(b);
            quarantined += b.quarantined();
        }
        assertEquals(rejections.size(), quarantined, "rejections = sum of rows_quarantined");
    }

    /** The data rows of a file (header located as the spec says), with their row numbers. */
    record DataRow(int row, Map<String, String> cells) {
    }

    List<DataRow> dataRows(Batch b, long[] footerCount) throws IOException {
        FeedContract contract = Contracts.get().feed(b.feed()).orElseThrow();
        List<String[]> rows = SheetReader.read(out.resolve(b.file()));
        int headerRow = -1;
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < rows.size() && headerRow < 0; r++) {
            Map<String, Integer> found = new HashMap<>();
            String[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                // spec/feeds.md §1: a trailing （元）/(元) is not part of the header
                String h = FileCheck.nfkc(cells[c]).replaceAll("\\(元\\)$", "");
                for (ColumnSpec col : contract.columns()) {
                    if (h.equals(col.header()) || h.equalsIgnoreCase(col.key())) {
                        found.put(col.key(), c);
                    }
                }
            }
            boolean all = contract.columns().stream().filter(ColumnSpec::required)
                    .allMatch(col -> found.containsKey(col.key()));
            if (all) {
                headerRow = r;
                index = found;
            }
        }
        assertTrue(headerRow >= 0, "header row found in " + b.file());
        List<DataRow> data = new ArrayList<>();
        for (int r = headerRow + 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            if (FileCheck.isBlank(cells)) {
                continue;
            }
            if (FileCheck.isFooter(cells)) {
                footerCount[0]++;
                continue;
            }
            Map<String, String> byKey = new HashMap<>();
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                byKey.put(e.getKey(), e.getValue() < cells.length ? FileCheck.nfkc(cells[e.getValue()]) : "");
            }
            data.add(new DataRow(r + 1, byKey));
        }
        return data;
    }

    void verify(Batch b) throws IOException {
        long[] footers = {0};
        List<DataRow> data = dataRows(b, footers);
        assertEquals(b.read(), data.size(), "rows_read of " + b.file());
        assertEquals(b.footers(), footers[0], "footer_rows of " + b.file());
        assertEquals(b.read() - b.quarantined(), b.loaded(), "loaded = read - quarantined in " + b.file());
        Map<Integer, Rejection> planted = rejectionsOf(b.file());
        assertEquals(b.quarantined(), planted.size(), "quarantined of " + b.file());
        assertTrue(b.quarantined() <= Math.max(0, b.read() * 3 / 100), "far below the 5 % threshold: " + b.file());
        Set<String> keys = new HashSet<>();
        Set<Integer> seenRows = new HashSet<>();
        boolean registerFeed = REGISTER_FEEDS.contains(b.feed());
        for (DataRow row : data) {
            seenRows.add(row.row());
            if (!registerFeed) {
                Rejection r = planted.get(row.row());
                if (r != null) {
                    plantedByRule.merge(r.rule(), 1, Integer::sum);
                }
                continue;
            }
            Map<String, String> violations = violations(b, row.cells(), keys);
            Rejection r = planted.get(row.row());
            if (r == null) {
                assertTrue(violations.isEmpty(), b.file() + " row " + row.row() + " should be clean: " + violations);
            } else {
                assertEquals(Map.of(r.rule(), r.column()), violations,
                        b.file() + " row " + row.row() + " planted " + r.rule());
                plantedByRule.merge(r.rule(), 1, Integer::sum);
            }
        }
        for (int row : planted.keySet()) {
            assertTrue(seenRows.contains(row), "planted row " + row + " is a data row of " + b.file());
        }
    }

    /** Rule → column broken by a data row; keys collects the keys of earlier rows (for DUPLICATE_KEY). */
    Map<String, String> violations(Batch b, Map<String, String> c, Set<String> keys) {
        Map<String, String> v = new HashMap<>();
        switch (b.feed()) {
            case "household" -> household(c, v);
            case "death" -> death(b, c, v);
            case "facility" -> facility(c, v);
            case "region" -> {
                if (c.get("code").isEmpty() || c.get("name").isEmpty()) {
                    v.put("REQUIRED", "code");
                }
            }
            default -> fail("unexpected feed " + b.feed());
        }
        String keyColumn = switch (b.feed()) {
            case "facility" -> "facility_code";
            case "region" -> "code";
            default -> "id_number";
        };
        String key = c.get(keyColumn);
        if (keyColumn.equals("id_number")) {
            String id = FileCheck.validId(key);
            key = id != null ? id : key;
        }
        if (!key.isEmpty() && !keys.add(key)) {
            v.put("DUPLICATE_KEY", keyColumn);
        }
        return v;
    }

    private String id(Map<String, String> c, Map<String, String> v) {
        String raw = c.get("id_number");
        if (raw.isEmpty()) {
            v.put("REQUIRED", "id_number");
            return null;
        }
        if (!FileCheck.idWellFormed(raw)) {
            v.put("ID_FORMAT", "id_number");
            return null;
        }
        String id = FileCheck.validId(raw);
        if (id == null) {
            v.put("ID_CHECKSUM", "id_number");
            return null;
        }
        cleanIdsChecked++;
        return id;
    }

    private boolean inList(String list, String value) {
        return Contracts.get().codeList(list).labels().contains(value);
    }

    private void household(Map<String, String> c, Map<String, String> v) {
        String id = id(c, v);
        if (c.get("name").isEmpty()) {
            v.put("REQUIRED", "name");
        }
        String sex = c.get("sex");
        if (id != null) {
            boolean male = sex.equals("男") || sex.equals("1");
            boolean female = sex.equals("女") || sex.equals("2");
            if (!male && !female) {
                v.put("CODE_UNKNOWN", "sex");
            } else if (male != FileCheck.maleOfId(id)) {
                v.put("SEX_MISMATCH", "sex");
            }
            LocalDate birth = FileCheck.date(c.get("birth_date"));
            if (birth == null) {
                v.put("TYPE_FORMAT", "birth_date");
            } else if (!birth.equals(FileCheck.birthOfId(id))) {
                v.put("BIRTH_MISMATCH", "birth_date");
            }
        }
        if (!regionCodes.contains(c.get("region_code")) || c.get("region_code").length() != 12) {
            v.put("REGION_UNKNOWN", "region_code");
        }
        String status = c.get("status");
        if (!inList("household_status", status)) {
            v.put("CODE_UNKNOWN", "status");
        } else if (!status.equals("正常")) {
            if (c.get("status_date").isEmpty()) {
                v.put("STATUS_DATE_REQUIRED", "status_date");
            } else if (FileCheck.date(c.get("status_date")) == null) {
                v.put("TYPE_FORMAT", "status_date");
            }
        }
    }

    private void death(Batch b, Map<String, String> c, Map<String, String> v) {
        String id = id(c, v);
        String rawDate = c.get("death_date");
        LocalDate date = FileCheck.date(rawDate);
        if (rawDate.isEmpty()) {
            v.put("REQUIRED", "death_date");
        } else if (date == null) {
            v.put("TYPE_FORMAT", "death_date");
        } else if (!YearMonth.from(date).equals(YearMonth.parse(b.period()))) {
            v.put("OUT_OF_PERIOD", "death_date");
        } else if (id != null && date.isBefore(FileCheck.birthOfId(id))) {
            v.put("DEATH_BEFORE_BIRTH", "death_date");
        }
        String source = c.get("source");
        if (source.isEmpty()) {
            v.put("REQUIRED", "source");
        } else if (!inList("death_source", source)) {
            v.put("CODE_UNKNOWN", "source");
        }
    }

    private void facility(Map<String, String> c, Map<String, String> v) {
        if (!FileCheck.usccValid(c.get("facility_code"))) {
            v.put("USCC_CHECKSUM", "facility_code");
        }
        if (c.get("name").isEmpty()) {
            v.put("REQUIRED", "name");
        }
        if (!inList("facility_type", c.get("facility_type"))) {
            v.put("CODE_UNKNOWN", "facility_type");
        }
        String region = c.get("region_code");
        if (!(region.length() == 9 || region.length() == 12) || !regionCodes.contains(RegionRegistry.pad12(region))) {
            v.put("REGION_UNKNOWN", "region_code");
        }
        if (c.get("facility_type").equals("养老机构") && c.get("beds").isEmpty()) {
            v.put("REQUIRED", "beds");
        }
        if (!c.get("beds").isEmpty() && !c.get("nursing_beds").isEmpty()
                && Integer.parseInt(c.get("nursing_beds")) > Integer.parseInt(c.get("beds"))) {
            v.put("BEDS_INCONSISTENT", "nursing_beds");
        }
        if (!c.get("opened_date").isEmpty() && FileCheck.date(c.get("opened_date")) == null) {
            v.put("TYPE_FORMAT", "opened_date");
        }
        if (!inList("facility_status", c.get("status"))) {
            v.put("CODE_UNKNOWN", "status");
        }
        String fire = c.get("fire_safe");
        if (!Set.of("是", "否", "Y", "N", "1", "0", "true", "false", "").contains(fire)) {
            v.put("TYPE_FORMAT", "fire_safe");
        }
    }

    Set<String> files(String feed) {
        Set<String> s = new TreeSet<>();
        for (Batch b : batches) {
            if (b.feed().equals(feed)) {
                s.add(b.file());
            }
        }
        return s;
    }
}
