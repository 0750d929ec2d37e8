package cn.yinling.datasets;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * 老年人居住状况 annual survey of the 60+ (spec/feeds.md living_status), in the first generated month of each year: the
 * aging office for most districts (one GB18030 CSV), the district bureaus of 铜山区 and 邳州市 for their own (Excel
 * with titles). Hardship lists use all four separators the spec allows.
 */
final class LivingStatusFeed extends ElderFeed {

    static final String FEED = "living_status";

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "NOT_ELDERLY", "CODE_UNKNOWN:arrangement", "OUT_OF_PERIOD", "OUT_OF_SCOPE", "REQUIRED",
        "DUPLICATE_KEY", "CODE_UNKNOWN:hardship", "TYPE_FORMAT", "ID_FORMAT"};
    private static final String[] SEPARATORS = {"、", ",", "，", ";"};

    private final HouseholdFeed household;

    LivingStatusFeed(GenerationContext ctx, Elders elders, HouseholdFeed household) {
        super(ctx, elders, FEED);
        this.household = household;
    }

    void write() throws IOException {
        Timeline time = ctx.time();
        for (int year = ctx.options().from().getYear(); year <= ctx.options().to().getYear(); year++) {
            int m = elders.firstMonthOfYear(year);
            ByUnit byUnit = new ByUnit(Units.splitUnits(Units.AGING_OFFICE));
            for (int i : elders.candidates) {
                if (elders.surveyDate(i, year) != 0) {
                    byUnit.add(Units.surveyUnitOf(district6(i)), i);
                }
            }
            for (var e : byUnit.rows.entrySet()) {
                writeFile(year, m, e.getKey(), e.getValue());
            }
            ctx.progress().step("老年人居住状况", year - ctx.options().from().getYear() + 1,
                    ctx.options().to().getYear() - ctx.options().from().getYear() + 1);
        }
        assert time.size() > 0;
    }

    private void writeFile(int year, int m, String unit, Population.IntList persons) throws IOException {
        boolean district = Units.isDistrictUnit(unit);
        int n = persons.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "living-status-" + year + "-" + unit);
        String[] cycle = applicable(CYCLE, v -> district || !v.equals("OUT_OF_SCOPE"));
        Plants plants = Plants.chooseEveryRule(rnd, n, cycle, year + unit.hashCode());
        boolean xlsx = district && n <= XLSX_MAX_ROWS;
        FeedFile.Format format = xlsx ? FeedFile.Format.XLSX : district ? FeedFile.Format.CSV_UTF8_BOM
                : FeedFile.Format.CSV_GB18030;
        CellText.DateStyle dates = xlsx ? CellText.DateStyle.EXCEL : district ? CellText.DateStyle.SLASH
                : CellText.DateStyle.CHINESE;
        String place = district ? Units.name(unit).replace("民政局", "") : "徐州市";
        String name = place + "老年人居住状况调查_" + year + (xlsx ? ".xlsx" : ".csv");
        int snapshot = snapshotInForce(household, m);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        try (FeedFile f = new FeedFile(ctx.out(), FEED, Integer.toString(year), unit, name, format, ctx.truth())) {
            titles(f, place + year + "年老年人居住状况调查汇总表", unit);
            int width = xlsx ? 5 : 4;
            if (xlsx) {
                f.header("序号", h("id_number"), h("living_arrangement"), h("hardship"), h("survey_date"));
            } else {
                f.header(h("id_number"), h("survey_date"), h("living_arrangement"), h("hardship"));
            }
            int[] col = xlsx ? new int[] {1, 4, 2, 3} : new int[] {0, 1, 2, 3}; // id, date, arrangement, hardship
            int serial = 0;
            for (int k = 0; k < n; k++) {
                int i = persons.get(k);
                Object[] cells = new Object[width];
                if (xlsx) {
                    cells[0] = ++serial;
                }
                cells[col[0]] = district ? idMaybeLegacy(i) : id(i);
                cells[col[1]] = dates.cell(elders.surveyDate(i, year));
                cells[col[2]] = label("living_arrangement", Elders.ARRANGEMENTS[elders.arrangement(i)]);
                cells[col[3]] = hardshipText(elders.hardship(i), rnd);
                f.data(cells);
                String variant = plants.at(k);
                if (variant == null) {
                    continue;
                }
                Object[] extra = cells.clone();
                if (xlsx) {
                    extra[0] = ++serial;
                }
                int survey = elders.surveyDate(i, year);
                String column = plant(variant, extra, col, year, m, survey, dates, unit, snapshot, taken, rnd);
                if (column == null) {
                    continue;
                }
                f.reject(f.data(extra), column, ruleOf(variant));
            }
            footers(f, m, n, "李红梅", "张建华");
        }
    }

    /** The hardship cell: labels joined by one of the four separators, 无 or empty when there is none. */
    private static String hardshipText(int bits, SplittableRandom rnd) {
        if (bits == 0) {
            return rnd.nextInt(3) == 0 ? null : label("hardship", "none");
        }
        String separator = SEPARATORS[rnd.nextInt(SEPARATORS.length)];
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < Elders.HARDSHIP_CODES.length; b++) {
            if ((bits & (1 << b)) != 0) {
                if (sb.length() > 0) {
                    sb.append(separator);
                }
                sb.append(label("hardship", Elders.HARDSHIP_CODES[b]));
            }
        }
        return sb.toString();
    }

    /** Turns the copy of a clean row into a planted row; returns the column it breaks, or null to plant nothing. */
    private String plant(String variant, Object[] cells, int[] col, int year, int m, int survey,
            CellText.DateStyle dates, String unit, int snapshot, java.util.Set<Integer> taken, SplittableRandom rnd) {
        int birth = elderlyBirth(rnd, survey);
        switch (variant) {
            case "DUPLICATE_KEY" -> {
                return "id_number";
            }
            case "ID_CHECKSUM" -> {
                cells[col[0]] = wrongCheck(syntheticId(rnd, birth), rnd);
                return "id_number";
            }
            case "ID_FORMAT" -> {
                cells[col[0]] = droppedDigit(syntheticId(rnd, birth), rnd);
                return "id_number";
            }
            case "NOT_ELDERLY" -> {
                // someone of 55–59 on the survey date put on the list
                cells[col[0]] = syntheticId(rnd, CellText.plusDays(survey, -(365 * 55 + 30 + rnd.nextInt(365 * 4))));
                return "id_number";
            }
            case "CODE_UNKNOWN:arrangement" -> {
                cells[col[0]] = syntheticId(rnd, birth);
                cells[col[2]] = "养老院";
                return "living_arrangement";
            }
            case "CODE_UNKNOWN:hardship" -> {
                cells[col[0]] = syntheticId(rnd, birth);
                cells[col[3]] = label("hardship", "minimum_living") + "、残疾";
                return "hardship";
            }
            case "OUT_OF_PERIOD" -> {
                // last year's survey date typed in
                cells[col[0]] = syntheticId(rnd, birth);
                cells[col[1]] = dates.cell(CellText.plusDays(year * 10000 + 101, -(1 + rnd.nextInt(60))));
                return "survey_date";
            }
            case "REQUIRED" -> {
                cells[col[0]] = syntheticId(rnd, birth);
                cells[col[2]] = null;
                return "living_arrangement";
            }
            case "TYPE_FORMAT" -> {
                cells[col[0]] = syntheticId(rnd, birth);
                cells[col[1]] = CellText.impossibleDate(survey);
                return "survey_date";
            }
            case "OUT_OF_SCOPE" -> {
                Integer other = personElsewhere(rnd, Units.scope(unit), snapshot, household, survey, m, taken);
                if (other == null) {
                    return null;
                }
                cells[col[0]] = id(other);
                return "id_number";
            }
            default -> throw new IllegalArgumentException(variant);
        }
    }
}
