package cn.yinling.datasets;

import java.io.IOException;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * 户籍人口 snapshots from 公安局 (public_security:320300): everyone on the register at the end of the period, all ages,
 * including people moved out or dead with their 变动日期. Monthly, or quarterly (periods 03, 06, 09, 12, and the first month of the range). The
 * registry lags behind deaths: a dead person shows as 正常 for 0–2 months before turning 死亡.
 */
final class HouseholdFeed {

    static final String FEED = "household";
    static final String UNIT = "public_security:320300";
    /** Above this the last snapshot is sent as CSV, not XLSX. */
    static final int XLSX_MAX_ROWS = 250_000;

    private static final String[] RULES = {
        "ID_CHECKSUM", "SEX_MISMATCH", "ID_FORMAT", "BIRTH_MISMATCH", "REGION_UNKNOWN", "CODE_UNKNOWN",
        "STATUS_DATE_REQUIRED", "REQUIRED", "DUPLICATE_KEY"};

    private final GenerationContext ctx;
    /** Month index → persons whose row in that month's snapshot is quarantined; null when the month has none. */
    private final BitSet[] rejected;
    private final String[] statusLabel;

    HouseholdFeed(GenerationContext ctx) {
        this.ctx = ctx;
        this.rejected = new BitSet[ctx.time().size()];
        this.statusLabel = new String[] {
            FeedFile.label("household_status", "active"),
            FeedFile.label("household_status", "moved_out"),
            FeedFile.label("household_status", "deceased")};
    }

    /** Whether month {@code m} has a snapshot of its own. */
    boolean hasSnapshot(int m) {
        return rejected[m] != null;
    }

    boolean rejected(int m, int person) {
        return rejected[m].get(person);
    }

    void write() throws IOException {
        Timeline time = ctx.time();
        int ordinal = 0;
        int last = -1;
        for (int m = 0; m < time.size(); m++) {
            if (isSnapshotMonth(m)) {
                last = m;
            }
        }
        for (int m = 0; m < time.size(); m++) {
            if (!isSnapshotMonth(m)) {
                continue;
            }
            rejected[m] = new BitSet();
            writeSnapshot(m, ordinal++, m == last);
        }
    }

    /** Quarterly: the quarter ends, and the first month so that no month of the range is without a register. */
    private boolean isSnapshotMonth(int m) {
        return !ctx.options().quarterlySnapshots() || m == 0 || ctx.time().month(m).getMonthValue() % 3 == 0;
    }

    private void writeSnapshot(int m, int ordinal, boolean last) throws IOException {
        Population pop = ctx.population();
        int n = 0;
        for (int i = 0; i < pop.size; i++) {
            if (pop.listed(i, m)) {
                n++;
            }
        }
        SplittableRandom rnd = Rng.stream(ctx.seed(), "household-" + m);
        Plants plants = Plants.choose(rnd, n, RULES, ordinal * 4);

        FeedFile.Format format;
        CellText.DateStyle dates;
        CellText.SexStyle sexes = CellText.SexStyle.CHINESE;
        boolean titled;
        String name;
        if (last && n <= XLSX_MAX_ROWS) {
            format = FeedFile.Format.XLSX;
            dates = CellText.DateStyle.EXCEL;
            titled = true;
            name = "徐州市户籍人口信息表_" + ctx.compactMonth(m) + ".xlsx";
        } else {
            switch (ordinal % 3) {
                case 0 -> {
                    format = FeedFile.Format.CSV_UTF8_BOM;
                    dates = CellText.DateStyle.ISO;
                    titled = false;
                }
                case 1 -> {
                    format = FeedFile.Format.CSV_GB18030;
                    dates = CellText.DateStyle.COMPACT;
                    sexes = CellText.SexStyle.CODE;
                    titled = true;
                }
                default -> {
                    format = FeedFile.Format.CSV_UTF8;
                    dates = CellText.DateStyle.SLASH;
                    titled = false;
                }
            }
            name = "户籍人口_" + ctx.compactMonth(m) + ".csv";
        }
        String label = "户籍人口 " + ctx.time().label(m);
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name, format, ctx.truth())) {
            if (titled) {
                f.title(ctx.cityMonth(m) + "户籍人口信息表");
                f.title("填报单位：徐州市公安局");
            }
            f.header(h("id_number"), h("name"), h("sex"), h("birth_date"), h("region_code"), h("household_id"),
                    h("status"), h("status_date"));
            int index = 0;
            Object[] cells = new Object[8];
            for (int i = 0; i < pop.size; i++) {
                if (!pop.listed(i, m)) {
                    continue;
                }
                String rule = plants.at(index++);
                fillClean(cells, i, m, dates, sexes, rule == null);
                if (rule == null) {
                    f.data(cells);
                } else if (rule.equals("DUPLICATE_KEY")) {
                    f.data(cells);
                    f.reject(f.data(cells), "id_number", rule);
                } else {
                    String column = plant(cells, i, m, rule, dates, sexes, rnd);
                    f.reject(f.data(cells), column, plantedRule);
                    rejected[m].set(i);
                }
                if ((index & 0xFFFF) == 0) {
                    ctx.progress().step(label, index, n);
                }
            }
            if (titled) {
                if (f.xlsx()) {
                    f.blank();
                }
                f.footer("合计", "共" + n + "人");
                if (f.xlsx()) {
                    f.footer(ctx.preparedBy(m, "刘建国", "王志强"));
                }
            }
        }
        ctx.progress().step(label, n, Math.max(1, n));
    }

    private static String h(String key) {
        return FeedFile.header(FEED, key);
    }

    private void fillClean(Object[] cells, int i, int m, CellText.DateStyle dates, CellText.SexStyle sexes,
                           boolean decorate) {
        Population pop = ctx.population();
        long body = pop.idBody[i];
        boolean legacy = pop.legacyId(i);
        String id = legacy ? IdNumbers.legacy15(body) : IdNumbers.full(body);
        String household = pop.householdNumber(i);
        if (decorate) {
            // a few cells typed with full-width digits, which readers normalise (NFKC)
            if (Rng.hash(ctx.seed(), body, m * 2L, 5000) == 0) {
                household = CellText.fullWidth(household);
            }
            if (!legacy && Rng.hash(ctx.seed(), body, m * 2L + 1, 9000) == 0) {
                id = CellText.fullWidth(id);
            }
        }
        int status = pop.statusAt(i, m);
        cells[0] = id;
        cells[1] = pop.name(i);
        cells[2] = sexes.text(pop.male(i));
        cells[3] = dates.cell(pop.birth[i]);
        cells[4] = ctx.regions().communityCode12(pop.communityAt(i, m));
        cells[5] = household;
        cells[6] = statusLabel[status];
        cells[7] = status == Population.MOVED_OUT ? dates.cell(pop.moveOut[i])
                : status == Population.DECEASED ? dates.cell(pop.death[i]) : null;
    }

    private String plantedRule;

    /** Breaks exactly one rule in a clean row; returns the column (English key) and sets {@link #plantedRule}. */
    private String plant(Object[] cells, int i, int m, String rule, CellText.DateStyle dates, CellText.SexStyle sexes,
                         SplittableRandom rnd) {
        Population pop = ctx.population();
        boolean legacy = pop.legacyId(i);
        if (legacy && rule.equals("ID_CHECKSUM")) {
            rule = "SEX_MISMATCH"; // a 15-digit number has no check digit to get wrong
        }
        plantedRule = rule;
        switch (rule) {
            case "ID_CHECKSUM" -> {
                String id = IdNumbers.full(pop.idBody[i]);
                char right = id.charAt(17);
                String choices = "0123456789X";
                char wrong = choices.charAt((choices.indexOf(right) + 1 + rnd.nextInt(10)) % 11);
                cells[0] = id.substring(0, 17) + wrong;
                return "id_number";
            }
            case "ID_FORMAT" -> {
                String id = (String) cells[0];
                int drop = 6 + rnd.nextInt(8);
                cells[0] = id.substring(0, drop) + id.substring(drop + 1);
                return "id_number";
            }
            case "SEX_MISMATCH" -> {
                cells[2] = sexes.text(!pop.male(i));
                return "sex";
            }
            case "BIRTH_MISMATCH" -> {
                cells[3] = dates.cell(CellText.plusDays(pop.birth[i], 1 + rnd.nextInt(27)));
                return "birth_date";
            }
            case "REGION_UNKNOWN" -> {
                cells[4] = ctx.regions().districts().get(pop.district(i)).code() + "999999";
                return "region_code";
            }
            case "CODE_UNKNOWN" -> {
                cells[6] = "迁入";
                cells[7] = dates.cell(ctx.time().start(m));
                return "status";
            }
            case "STATUS_DATE_REQUIRED" -> {
                if (pop.statusAt(i, m) == Population.ACTIVE) {
                    cells[6] = statusLabel[Population.MOVED_OUT];
                }
                cells[7] = null;
                return "status_date";
            }
            case "REQUIRED" -> {
                cells[1] = null;
                return "name";
            }
            default -> throw new IllegalArgumentException(rule);
        }
    }
}
