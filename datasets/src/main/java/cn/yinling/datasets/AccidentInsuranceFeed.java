package cn.yinling.datasets;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * 老年人意外伤害保险 (安康关爱行动) annual snapshot from 老龄办 (aging_office:320300): about 40 % of the 60+ enrolled in
 * the first quarter; the government pays for the poor and the 80+. Excel when it fits, else CSV.
 */
final class AccidentInsuranceFeed extends ElderFeed {

    static final String FEED = "accident_insurance";
    static final String UNIT = Units.AGING_OFFICE;

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "NOT_ELDERLY", "OUT_OF_PERIOD", "RANGE", "CODE_UNKNOWN", "REQUIRED", "DUPLICATE_KEY",
        "TYPE_FORMAT", "ID_FORMAT"};

    AccidentInsuranceFeed(GenerationContext ctx, Elders elders) {
        super(ctx, elders, FEED);
    }

    void write() throws IOException {
        int first = ctx.options().from().getYear();
        int last = ctx.options().to().getYear();
        for (int year = first; year <= last; year++) {
            Population.IntList persons = new Population.IntList();
            for (int i : elders.candidates) {
                if (elders.enrollDate(i, year) != 0) {
                    persons.add(i);
                }
            }
            writeFile(year, persons);
            ctx.progress().step("老年人意外伤害保险", year - first + 1, last - first + 1);
        }
    }

    /** 政府 for the poor and the 80+, otherwise mostly 个人. */
    String payer(int i, int year) {
        if ((elders.hardship(i) & Elders.POVERTY) != 0 || Ymd.age(pop.birth[i], year * 10000 + 101) >= 80) {
            return "government";
        }
        int h = elders.hash(i, 42, year, 100);
        return h < 3 ? "charity" : h < 5 ? "employer" : "self";
    }

    private void writeFile(int year, Population.IntList persons) throws IOException {
        int n = persons.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "accident-insurance-" + year);
        Plants plants = Plants.chooseEveryRule(rnd, n, CYCLE, year);
        boolean xlsx = n <= XLSX_MAX_ROWS;
        CellText.DateStyle dates = xlsx ? CellText.DateStyle.EXCEL : CellText.DateStyle.ISO;
        Object policyYear = year % 2 == 0 ? (Object) Integer.valueOf(year) : year + "年";
        String name = "安康关爱行动参保名单_" + year + (xlsx ? ".xlsx" : ".csv");
        try (FeedFile f = new FeedFile(ctx.out(), FEED, Integer.toString(year), UNIT, name,
                xlsx ? FeedFile.Format.XLSX : FeedFile.Format.CSV_UTF8_BOM, ctx.truth())) {
            titles(f, "徐州市" + year + "年老年人意外伤害保险（安康关爱行动）参保名单", UNIT);
            f.header(h("policy_year"), h("id_number"), h("policy_no"), h("premium"), h("payer"), h("enroll_date"));
            int firstMonth = Math.max(0, elders.firstMonthOfYear(year));
            for (int k = 0; k < n; k++) {
                int i = persons.get(k);
                String payer = payer(i, year);
                long premium = payer.equals("government") ? 2_000 : elders.hash(i, 43, year, 3) == 0 ? 5_000 : 3_000;
                Object[] cells = {policyYear, id(i), policyNumber(year, k), premium(premium, xlsx),
                    label("insurance_payer", payer), dates.cell(elders.enrollDate(i, year))};
                f.data(cells);
                String variant = plants.at(k);
                if (variant == null) {
                    continue;
                }
                Object[] extra = cells.clone();
                if (!variant.equals("DUPLICATE_KEY")) {
                    extra[1] = syntheticId(rnd, elderlyBirth(rnd, year * 10000 + 101));
                    extra[2] = policyNumber(year, n + k);
                }
                String column = switch (variant) {
                    case "DUPLICATE_KEY" -> "policy_year,id_number";
                    case "ID_CHECKSUM" -> {
                        extra[1] = wrongCheck((String) extra[1], rnd);
                        yield "id_number";
                    }
                    case "ID_FORMAT" -> {
                        extra[1] = droppedDigit((String) extra[1], rnd);
                        yield "id_number";
                    }
                    case "NOT_ELDERLY" -> {
                        // turns 60 later in the policy year: not yet 60 on 1 January
                        extra[1] = syntheticId(rnd, (year - 60) * 10000 + 201 + 100 * rnd.nextInt(10) + rnd.nextInt(27));
                        yield "id_number";
                    }
                    case "OUT_OF_PERIOD" -> {
                        extra[0] = Integer.toString(year - 1);
                        yield "policy_year";
                    }
                    case "RANGE" -> {
                        extra[3] = premium(-3_000, xlsx);
                        yield "premium";
                    }
                    case "CODE_UNKNOWN" -> {
                        extra[4] = "社区";
                        yield "payer";
                    }
                    case "REQUIRED" -> {
                        extra[2] = null;
                        yield "policy_no";
                    }
                    case "TYPE_FORMAT" -> {
                        extra[5] = CellText.impossibleDate(year * 10000 + 201);
                        yield "enroll_date";
                    }
                    default -> throw new IllegalArgumentException(variant);
                };
                f.reject(f.data(extra), column, variant);
            }
            footers(f, firstMonth, n, "马丽", "陈国庆");
        }
    }

    private static String policyNumber(int year, int serial) {
        return "AK" + year + String.format("%08d", serial + 1);
    }

    private static Object premium(long fen, boolean xlsx) {
        return xlsx ? (Object) (fen / 100.0) : CellText.AmountStyle.PLAIN.text(fen);
    }
}
