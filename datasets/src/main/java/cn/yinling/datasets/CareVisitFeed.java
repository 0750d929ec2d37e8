package cn.yinling.datasets;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * 特殊困难老年人探访 monthly from 民政局 (spec/feeds.md care_visit): most special-hardship elders on the survey in force
 * are visited once or twice a month, never on or after the day they die or leave. The city bureau reports most
 * districts (CSV UTF-8 with BOM), 铜山区 and 邳州市 their own (Excel with titles).
 */
final class CareVisitFeed extends ElderFeed {

    static final String FEED = "care_visit";

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "OUT_OF_PERIOD", "CODE_UNKNOWN", "OUT_OF_SCOPE", "REQUIRED", "DUPLICATE_KEY", "TYPE_FORMAT",
        "ID_FORMAT"};
    private static final String[] FINDINGS = {"身体状况良好", "需要助餐服务", "居住环境存在安全隐患，已联系社区",
        "情绪低落，已安排精神慰藉", "行动不便，建议申请居家养老服务"};

    private final HouseholdFeed household;

    CareVisitFeed(GenerationContext ctx, Elders elders, HouseholdFeed household) {
        super(ctx, elders, FEED);
        this.household = household;
    }

    /** The visit days of a person in month m (none when not special on the survey in force). */
    int[] visitDays(int i, int m) {
        int survey = elders.surveyInForce(i, m);
        return elders.visitDays(i, m, survey != 0 && elders.special(i));
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            ByUnit byUnit = new ByUnit(Units.splitUnits(Units.CIVIL_AFFAIRS));
            for (int i : elders.candidates) {
                if (visitDays(i, m).length > 0) {
                    byUnit.add(Units.civilAffairsOf(district6(i)), i);
                }
            }
            for (var e : byUnit.rows.entrySet()) {
                writeFile(m, e.getKey(), e.getValue());
            }
            ctx.progress().step("特殊困难老年人探访", m + 1, ctx.time().size());
        }
    }

    private String mode(int i, int m, int day) {
        int h = elders.hash(i, 44, m * 32 + day, 100);
        return h < 60 ? "in_person" : h < 95 ? "phone" : "video";
    }

    private void writeFile(int m, String unit, Population.IntList persons) throws IOException {
        boolean district = Units.isDistrictUnit(unit);
        int rows = 0;
        for (int k = 0; k < persons.size(); k++) {
            rows += visitDays(persons.get(k), m).length;
        }
        SplittableRandom rnd = Rng.stream(ctx.seed(), "care-visit-" + m + "-" + unit);
        String[] cycle = applicable(CYCLE, v -> district || !v.equals("OUT_OF_SCOPE"));
        Plants plants = Plants.chooseEveryRule(rnd, rows, cycle, m + unit.hashCode());
        // 铜山区 keeps its records in Excel, 邳州市 exports CSV
        boolean xlsx = Units.scope(unit).equals("320312") && rows <= XLSX_MAX_ROWS;
        FeedFile.Format format = xlsx ? FeedFile.Format.XLSX : district ? FeedFile.Format.CSV_GB18030
                : FeedFile.Format.CSV_UTF8_BOM;
        CellText.DateStyle dates = xlsx ? CellText.DateStyle.EXCEL : district ? CellText.DateStyle.CHINESE
                : CellText.DateStyle.ISO;
        String place = district ? Units.name(unit).replace("民政局", "") : "徐州市";
        String name = place + "特殊困难老年人探访记录_" + ctx.compactMonth(m) + (xlsx ? ".xlsx" : ".csv");
        int snapshot = snapshotInForce(household, m);
        Set<Integer> taken = new HashSet<>();
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), unit, name, format, ctx.truth())) {
            if (district) {
                titles(f, place + ctx.time().month(m).getYear() + "年" + ctx.time().month(m).getMonthValue()
                        + "月特殊困难老年人探访记录", unit);
            }
            f.header(h("id_number"), h("visit_date"), h("mode"), h("finding"));
            int index = 0;
            for (int k = 0; k < persons.size(); k++) {
                int i = persons.get(k);
                for (int day : visitDays(i, m)) {
                    int date = ctx.time().start(m) + day - 1;
                    String finding = elders.hash(i, 45, m * 32 + day, 100) < 15
                            ? FINDINGS[elders.hash(i, 46, m * 32 + day, FINDINGS.length)] : null;
                    Object[] cells = {district ? idMaybeLegacy(i) : id(i), dates.cell(date),
                        label("visit_mode", mode(i, m, day)), finding};
                    f.data(cells);
                    String variant = plants.at(index++);
                    if (variant == null) {
                        continue;
                    }
                    Object[] extra = cells.clone();
                    if (!variant.equals("DUPLICATE_KEY")) {
                        extra[0] = syntheticId(rnd, elderlyBirth(rnd, date));
                    }
                    String column = switch (variant) {
                        case "DUPLICATE_KEY" -> "id_number,visit_date";
                        case "ID_CHECKSUM" -> {
                            extra[0] = wrongCheck((String) extra[0], rnd);
                            yield "id_number";
                        }
                        case "ID_FORMAT" -> {
                            extra[0] = droppedDigit((String) extra[0], rnd);
                            yield "id_number";
                        }
                        case "OUT_OF_PERIOD" -> {
                            // a visit of last month recorded late
                            extra[1] = dates.cell(CellText.plusDays(ctx.time().start(m), -(1 + rnd.nextInt(20))));
                            yield "visit_date";
                        }
                        case "CODE_UNKNOWN" -> {
                            extra[2] = "微信";
                            yield "mode";
                        }
                        case "REQUIRED" -> {
                            extra[2] = null;
                            yield "mode";
                        }
                        case "TYPE_FORMAT" -> {
                            extra[1] = CellText.impossibleDate(date);
                            yield "visit_date";
                        }
                        case "OUT_OF_SCOPE" -> {
                            Integer other = personElsewhere(rnd, Units.scope(unit), snapshot, household, date, m, taken);
                            if (other == null) {
                                yield null;
                            }
                            extra[0] = id(other);
                            yield "id_number";
                        }
                        default -> throw new IllegalArgumentException(variant);
                    };
                    if (column != null) {
                        f.reject(f.data(extra), column, variant);
                    }
                }
            }
            if (district) {
                footers(f, m, rows, "周丽", "黄建军");
            }
        }
    }
}
