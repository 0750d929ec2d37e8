package cn.yinling.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * 死亡登记 monthly events from three units whose records overlap: 公安局 户籍注销 (only deaths the registry cancelled within
 * the month), 卫健委 死亡证明 (most deaths) and 民政局 火化记录 (many deaths). Every death is reported, in the month it
 * happened, by at least one source whose row is accepted: a row planted bad is always of a death another source also
 * reports, so the first recorded death date of every person equals the true one.
 */
final class DeathFeed {

    static final String FEED = "death";

    /** Rules that spoil a real record (allowed only when another source reports the same death). */
    private static final Set<String> SPOILING = Set.of("ID_CHECKSUM", "ID_FORMAT", "REQUIRED", "TYPE_FORMAT", "CODE_UNKNOWN");
    /** Rules planted as an extra row next to a clean record. */
    private static final String[] EXTRA = {"DUPLICATE_KEY", "OUT_OF_PERIOD", "DEATH_BEFORE_BIRTH"};
    private static final String[] RULES = {
        "ID_CHECKSUM", "OUT_OF_PERIOD", "REQUIRED", "DEATH_BEFORE_BIRTH", "TYPE_FORMAT", "DUPLICATE_KEY",
        "ID_FORMAT", "CODE_UNKNOWN"};

    private enum Source {
        REGISTRY("public_security:320300", Population.SOURCE_REGISTRY, "registry"),
        CERTIFICATE("health:320300", Population.SOURCE_CERTIFICATE, "certificate"),
        CREMATION("civil_affairs:320300", Population.SOURCE_CREMATION, "cremation");

        final String unit;
        final int bit;
        final String code;

        Source(String unit, int bit, String code) {
            this.unit = unit;
            this.bit = bit;
            this.code = code;
        }
    }

    private final GenerationContext ctx;
    /** person → first death date (yyyymmdd) in an accepted row. */
    private final Map<Integer, Integer> recorded = new HashMap<>();
    private long rows;

    DeathFeed(GenerationContext ctx) {
        this.ctx = ctx;
    }

    /** The first death date recorded by an accepted row for the person, or 0. */
    int recordedDeath(int person) {
        return recorded.getOrDefault(person, 0);
    }

    Map<Integer, Integer> recordedDeaths() {
        return recorded;
    }

    void write() throws IOException {
        Population pop = ctx.population();
        for (int m = 0; m < ctx.time().size(); m++) {
            int[] deaths = pop.deathsByMonth[m].toArray();
            Integer[] boxed = Arrays.stream(deaths).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> pop.death[a] != pop.death[b] ? Integer.compare(pop.death[a], pop.death[b])
                    : Integer.compare(a, b));
            Set<Integer> spoiled = new HashSet<>();
            for (Source source : Source.values()) {
                List<Integer> records = new ArrayList<>();
                for (Integer i : boxed) {
                    if (pop.reportedBy(i, source.bit)) {
                        records.add(i);
                    }
                }
                writeFile(m, source, records, spoiled);
            }
            ctx.progress().step("死亡登记", m + 1, ctx.time().size());
        }
        for (int m = 0; m < ctx.time().size(); m++) {
            Population.IntList l = pop.deathsByMonth[m];
            for (int k = 0; k < l.size(); k++) {
                if (recordedDeath(l.get(k)) != pop.death[l.get(k)]) {
                    throw new IllegalStateException("a death is not reported by any accepted row");
                }
            }
        }
    }

    private void writeFile(int m, Source source, List<Integer> records, Set<Integer> spoiled) throws IOException {
        Population pop = ctx.population();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "death-" + source + "-" + m);
        Plants plants = Plants.choose(rnd, records.size(), RULES, m * 3 + source.ordinal());
        String sourceLabel = FeedFile.label("death_source", source.code);
        String period = ctx.time().label(m);
        FeedFile.Format format;
        CellText.DateStyle dates;
        String name;
        switch (source) {
            case REGISTRY -> {
                format = FeedFile.Format.CSV_GB18030;
                dates = CellText.DateStyle.CHINESE;
                name = "死亡注销人员名单_" + ctx.compactMonth(m) + ".csv";
            }
            case CERTIFICATE -> {
                format = FeedFile.Format.CSV_UTF8_BOM;
                dates = CellText.DateStyle.ISO;
                name = "death_certificates_" + period + ".csv";
            }
            default -> {
                format = FeedFile.Format.XLSX;
                dates = CellText.DateStyle.EXCEL;
                name = "火化人员信息表_" + ctx.compactMonth(m) + ".xlsx";
            }
        }
        try (FeedFile f = new FeedFile(ctx.out(), FEED, period, source.unit, name, format, ctx.truth())) {
            // column order differs by unit: index of id, name, date, source within the row
            int[] col;
            int width;
            switch (source) {
                case REGISTRY -> {
                    f.title("徐州市公安局" + ctx.time().month(m).getYear() + "年" + ctx.time().month(m).getMonthValue()
                            + "月死亡注销人员名单");
                    f.header(h("id_number"), h("name"), h("death_date"), h("source"));
                    col = new int[] {0, 1, 2, 3};
                    width = 4;
                }
                case CERTIFICATE -> {
                    f.header(h("name"), h("id_number"), h("death_date"), h("source"));
                    col = new int[] {1, 0, 2, 3};
                    width = 4;
                }
                default -> {
                    f.title(ctx.cityMonth(m) + "火化人员信息表");
                    f.title("填报单位：徐州市民政局（殡葬管理处）");
                    f.header("序号", h("id_number"), h("name"), h("death_date"), h("source"));
                    col = new int[] {1, 2, 3, 4};
                    width = 5;
                }
            }
            int serial = 0;
            for (int k = 0; k < records.size(); k++) {
                int i = records.get(k);
                Object[] cells = new Object[width];
                if (width == 5) {
                    cells[0] = ++serial;
                }
                boolean legacy = source == Source.CREMATION && pop.legacyId(i);
                cells[col[0]] = legacy ? IdNumbers.legacy15(pop.idBody[i]) : IdNumbers.full(pop.idBody[i]);
                cells[col[1]] = pop.name(i);
                cells[col[2]] = dates.cell(pop.death[i]);
                cells[col[3]] = sourceLabel;
                String rule = plants.at(k);
                if (rule != null && SPOILING.contains(rule)) {
                    boolean otherSource = Integer.bitCount(pop.deathInfo[i] & 0x1C) >= 2;
                    if (!otherSource || spoiled.contains(i)) {
                        rule = EXTRA[k % EXTRA.length];
                    } else if (rule.equals("ID_CHECKSUM") && legacy) {
                        rule = "ID_FORMAT";
                    }
                }
                if (rule == null || !SPOILING.contains(rule)) {
                    f.data(cells);
                    rows++;
                    record(i);
                }
                if (rule == null) {
                    continue;
                }
                switch (rule) {
                    case "DUPLICATE_KEY" -> {
                        Object[] copy = cells.clone();
                        if (width == 5) {
                            copy[0] = ++serial;
                        }
                        f.reject(f.data(copy), "id_number", rule);
                    }
                    case "OUT_OF_PERIOD" -> {
                        // a late report: someone who died last month, listed again this month
                        int dateBefore = CellText.plusDays(ctx.time().start(m), -(1 + rnd.nextInt(25)));
                        Object[] extra = synthetic(width, col, rnd, 1930 + rnd.nextInt(25), dateBefore, dates,
                                sourceLabel, ++serial);
                        f.reject(f.data(extra), "death_date", rule);
                    }
                    case "DEATH_BEFORE_BIRTH" -> {
                        // the death date typed into the wrong person's row: an infant born after it
                        int deathDate = CellText.plusDays(ctx.time().start(m), rnd.nextInt(Math.max(1, ctx.time().days(m) - 20)));
                        Object[] extra = synthetic(width, col, rnd, 0, deathDate, dates, sourceLabel, ++serial);
                        String id = IdNumbers.full(pop.syntheticIdBody(rnd, CellText.plusDays(deathDate, 2 + rnd.nextInt(15))));
                        extra[col[0]] = id;
                        f.reject(f.data(extra), "death_date", rule);
                    }
                    default -> {
                        spoiled.add(i);
                        String column = spoil(cells, col, rule, i, m, rnd);
                        f.reject(f.data(cells), column, rule);
                    }
                }
                rows++;
            }
            if (source == Source.REGISTRY) {
                f.footer("合计", "共" + records.size() + "人");
            } else if (source == Source.CREMATION) {
                f.blank();
                f.footer("合计", "共" + records.size() + "人");
                f.footer(ctx.preparedBy(m, "孙丽", "周海涛"));
            }
        }
    }

    private void record(int person) {
        int date = ctx.population().death[person];
        recorded.merge(person, date, Math::min);
    }

    private Object[] synthetic(int width, int[] col, SplittableRandom rnd, int birthYear, int deathDate,
                               CellText.DateStyle dates, String sourceLabel, int serial) {
        Population pop = ctx.population();
        Object[] cells = new Object[width];
        if (width == 5) {
            cells[0] = serial;
        }
        if (birthYear > 0) {
            int birth = birthYear * 10000 + (1 + rnd.nextInt(12)) * 100 + 1 + rnd.nextInt(28);
            cells[col[0]] = IdNumbers.full(pop.syntheticIdBody(rnd, birth));
        }
        boolean male = rnd.nextBoolean();
        cells[col[1]] = Names.name(ctx.seed() + 17, rnd.nextLong(), male);
        cells[col[2]] = dates.cell(deathDate);
        cells[col[3]] = sourceLabel;
        return cells;
    }

    private String spoil(Object[] cells, int[] col, String rule, int person, int m, SplittableRandom rnd) {
        Population pop = ctx.population();
        switch (rule) {
            case "ID_CHECKSUM" -> {
                String id = IdNumbers.full(pop.idBody[person]);
                String choices = "0123456789X";
                char wrong = choices.charAt((choices.indexOf(id.charAt(17)) + 1 + rnd.nextInt(10)) % 11);
                cells[col[0]] = id.substring(0, 17) + wrong;
                return "id_number";
            }
            case "ID_FORMAT" -> {
                String id = (String) cells[col[0]];
                int drop = 6 + rnd.nextInt(8);
                cells[col[0]] = id.substring(0, drop) + id.substring(drop + 1);
                return "id_number";
            }
            case "REQUIRED" -> {
                cells[col[3]] = null;
                return "source";
            }
            case "TYPE_FORMAT" -> {
                cells[col[2]] = CellText.impossibleDate(pop.death[person]);
                return "death_date";
            }
            case "CODE_UNKNOWN" -> {
                cells[col[3]] = "医院证明";
                return "source";
            }
            default -> throw new IllegalArgumentException(rule);
        }
    }

    private static String h(String key) {
        return FeedFile.header(FEED, key);
    }

    long rows() {
        return rows;
    }
}
