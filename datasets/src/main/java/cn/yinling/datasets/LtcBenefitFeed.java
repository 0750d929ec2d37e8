package cn.yinling.datasets;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * 长期护理保险待遇 monthly from 医保局 (medical_insurance:320300): benefits of the disabled 60+ insured for long-term
 * care, at home or in an institution as they live. Excel with titles (CSV when large).
 */
final class LtcBenefitFeed extends ElderFeed {

    static final String FEED = "ltc_benefit";
    static final String UNIT = Units.MEDICAL_INSURANCE;

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "OUT_OF_PERIOD", "CODE_UNKNOWN:level", "RANGE", "REQUIRED", "DUPLICATE_KEY",
        "CODE_UNKNOWN:mode", "TYPE_FORMAT", "ID_FORMAT"};

    LtcBenefitFeed(GenerationContext ctx, Elders elders) {
        super(ctx, elders, FEED);
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            Population.IntList persons = new Population.IntList();
            for (int i : elders.candidates) {
                if (elders.ltcInMonth(i, m)) {
                    persons.add(i);
                }
            }
            writeFile(m, persons);
            ctx.progress().step("长期护理保险待遇", m + 1, ctx.time().size());
        }
    }

    private void writeFile(int m, Population.IntList persons) throws IOException {
        int n = persons.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "ltc-" + m);
        Plants plants = Plants.chooseEveryRule(rnd, n, CYCLE, m);
        boolean xlsx = m % 2 == 0 && n <= XLSX_MAX_ROWS;
        int year = ctx.time().month(m).getYear();
        int month = ctx.time().month(m).getMonthValue();
        Object benefitMonth = xlsx ? (Object) LocalDate.of(year, month, 1) : CellText.MonthStyle.ISO.text(year, month);
        String name = "长期护理保险待遇享受人员_" + ctx.compactMonth(m) + (xlsx ? ".xlsx" : ".csv");
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name,
                xlsx ? FeedFile.Format.XLSX : FeedFile.Format.CSV_UTF8_BOM, ctx.truth())) {
            titles(f, ctx.cityMonth(m) + "长期护理保险待遇享受人员名单", UNIT);
            f.header(h("benefit_month"), h("id_number"), h("disability_level"), h("mode"), h("amount"));
            for (int k = 0; k < n; k++) {
                int i = persons.get(k);
                Object[] cells = {benefitMonth, id(i), label("disability_level", elders.ltcLevel(i)),
                    label("ltc_mode", elders.ltcInstitution(i) ? "institution" : "home"), amount(elders.ltcFen(i), xlsx)};
                f.data(cells);
                String variant = plants.at(k);
                if (variant == null) {
                    continue;
                }
                Object[] extra = cells.clone();
                if (!variant.equals("DUPLICATE_KEY")) {
                    extra[1] = syntheticId(rnd, elderlyBirth(rnd, ctx.time().end(m)));
                }
                String column = switch (variant) {
                    case "DUPLICATE_KEY" -> "benefit_month,id_number";
                    case "ID_CHECKSUM" -> {
                        extra[1] = wrongCheck((String) extra[1], rnd);
                        yield "id_number";
                    }
                    case "ID_FORMAT" -> {
                        extra[1] = droppedDigit((String) extra[1], rnd);
                        yield "id_number";
                    }
                    case "OUT_OF_PERIOD" -> {
                        java.time.YearMonth next = ctx.time().month(m).plusMonths(1);
                        extra[0] = CellText.MonthStyle.CHINESE.text(next.getYear(), next.getMonthValue());
                        yield "benefit_month";
                    }
                    case "CODE_UNKNOWN:level" -> {
                        extra[2] = "特重度";
                        yield "disability_level";
                    }
                    case "CODE_UNKNOWN:mode" -> {
                        extra[3] = "上门";
                        yield "mode";
                    }
                    case "RANGE" -> {
                        extra[4] = amount(0, xlsx);
                        yield "amount";
                    }
                    case "REQUIRED" -> {
                        extra[4] = null;
                        yield "amount";
                    }
                    case "TYPE_FORMAT" -> {
                        extra[4] = "九百元";
                        yield "amount";
                    }
                    default -> throw new IllegalArgumentException(variant);
                };
                f.reject(f.data(extra), column, ruleOf(variant));
            }
            footers(f, m, n, "吴婷", "郑宏伟");
        }
    }

    private static Object amount(long fen, boolean xlsx) {
        return xlsx ? (Object) (fen / 100.0) : CellText.AmountStyle.PLAIN.text(fen);
    }
}
