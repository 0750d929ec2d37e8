package cn.yinling.datasets;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * 老年人健康管理 monthly from 卫健委 (health:320300): the month's annual checkups of the 65+ (and a few of the 60–64),
 * each at the community health centre of the person's street. CSV UTF-8 from the health information system, an Excel
 * export every third month; dates and yes/no written in several ways.
 */
final class HealthCheckupFeed extends ElderFeed {

    static final String FEED = "health_checkup";
    static final String UNIT = Units.HEALTH;

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "OUT_OF_PERIOD", "CODE_UNKNOWN", "TYPE_FORMAT", "USCC_CHECKSUM", "DUPLICATE_KEY", "REQUIRED",
        "ID_FORMAT"};
    private static final CellText.DateStyle[] DATES = {CellText.DateStyle.DOT, CellText.DateStyle.COMPACT,
        CellText.DateStyle.SLASH, CellText.DateStyle.ISO};

    HealthCheckupFeed(GenerationContext ctx, Elders elders) {
        super(ctx, elders, FEED);
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            int year = ctx.time().month(m).getYear();
            Population.IntList persons = new Population.IntList();
            for (int i : elders.candidates) {
                int date = elders.checkupDate(i, year);
                if (date != 0 && ctx.time().indexOf(date) == m) {
                    persons.add(i);
                }
            }
            writeFile(m, year, persons);
            ctx.progress().step("老年人健康管理", m + 1, ctx.time().size());
        }
    }

    /** The community health centre (社区卫生服务中心/乡镇卫生院) of the person's street. */
    String institution(int i) {
        String community = ctx.regions().communityCode12(pop.community[i]);
        int street = Integer.parseInt(community.substring(6, 9));
        return Uscc.build("12", community.substring(0, 6), 870_000 + street);
    }

    private void writeFile(int m, int year, Population.IntList persons) throws IOException {
        int n = persons.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "health-checkup-" + m);
        Plants plants = Plants.chooseEveryRule(rnd, n, CYCLE, m);
        boolean xlsx = m % 3 == 2 && n <= XLSX_MAX_ROWS;
        CellText.DateStyle dates = xlsx ? CellText.DateStyle.EXCEL : DATES[m % DATES.length];
        CellText.FlagStyle flags = CellText.FlagStyle.values()[m % CellText.FlagStyle.values().length];
        String name = "老年人健康体检_" + ctx.compactMonth(m) + (xlsx ? ".xlsx" : ".csv");
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name,
                xlsx ? FeedFile.Format.XLSX : FeedFile.Format.CSV_UTF8, ctx.truth())) {
            if (xlsx) {
                titles(f, ctx.cityMonth(m) + "65岁及以上老年人健康体检汇总表", UNIT);
            }
            f.header(h("id_number"), h("exam_date"), h("self_care"), h("hypertension"), h("diabetes"),
                    h("family_doctor"), h("institution_code"));
            for (int k = 0; k < n; k++) {
                int i = persons.get(k);
                Object[] cells = {id(i), dates.cell(elders.checkupDate(i, year)),
                    label("self_care", elders.selfCare(i)), flags.text(elders.hypertension(i)),
                    flags.text(elders.diabetes(i)), flags.text(elders.familyDoctor(i)),
                    elders.hash(i, 41, year, 10) == 0 ? null : institution(i)};
                f.data(cells);
                String variant = plants.at(k);
                if (variant == null) {
                    continue;
                }
                Object[] extra = cells.clone();
                if (!variant.equals("DUPLICATE_KEY")) {
                    extra[0] = syntheticId(rnd, elderlyBirth(rnd, ctx.time().end(m)));
                }
                String column = switch (variant) {
                    case "DUPLICATE_KEY" -> "id_number,exam_date";
                    case "ID_CHECKSUM" -> {
                        extra[0] = wrongCheck((String) extra[0], rnd);
                        yield "id_number";
                    }
                    case "ID_FORMAT" -> {
                        extra[0] = droppedDigit((String) extra[0], rnd);
                        yield "id_number";
                    }
                    case "OUT_OF_PERIOD" -> {
                        extra[1] = dates.cell(CellText.plusDays(ctx.time().start(m), -(1 + rnd.nextInt(20))));
                        yield "exam_date";
                    }
                    case "CODE_UNKNOWN" -> {
                        extra[2] = "部分自理";
                        yield "self_care";
                    }
                    case "TYPE_FORMAT" -> {
                        extra[3] = "有";
                        yield "hypertension";
                    }
                    case "USCC_CHECKSUM" -> {
                        String code = institution(i);
                        int v = Uscc.CHARSET.indexOf(code.charAt(17));
                        extra[6] = code.substring(0, 17) + Uscc.CHARSET.charAt((v + 1 + rnd.nextInt(30)) % 31);
                        yield "institution_code";
                    }
                    case "REQUIRED" -> {
                        extra[2] = null;
                        yield "self_care";
                    }
                    default -> throw new IllegalArgumentException(variant);
                };
                f.reject(f.data(extra), column, variant);
            }
            if (xlsx) {
                footers(f, m, n, "赵敏", "孙国栋");
            }
        }
    }
}
