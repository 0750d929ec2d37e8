package cn.yinling.datasets;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 基本养老金发放 monthly from 人社局 (human_resources:320300): most of the 60+ and some women who retired early, one
 * scheme each. The social-security system exports CSV: GB18030 with a title in some months, UTF-8 with BOM in others,
 * months and amounts written in different ways.
 */
final class PensionFeed extends ElderFeed {

    static final String FEED = "pension";
    static final String UNIT = Units.HUMAN_RESOURCES;

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "OUT_OF_PERIOD", "CODE_UNKNOWN", "RANGE", "DUPLICATE_KEY", "REQUIRED", "TYPE_FORMAT",
        "ID_FORMAT"};

    private final AuditCases audit;

    PensionFeed(GenerationContext ctx, Elders elders) {
        this(ctx, elders, AuditCases.none());
    }

    /** @param audit the audit cases: planted pensions (A02, paid after the death) follow the real rows */
    PensionFeed(GenerationContext ctx, Elders elders, AuditCases audit) {
        super(ctx, elders, FEED);
        this.audit = audit;
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            Population.IntList persons = new Population.IntList();
            for (int i : elders.candidates) {
                if (elders.pensionInMonth(i, m)) {
                    persons.add(i);
                }
            }
            writeFile(m, persons);
            ctx.progress().step("基本养老金发放", m + 1, ctx.time().size());
        }
    }

    private void writeFile(int m, Population.IntList persons) throws IOException {
        int n = persons.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "pension-" + m);
        Plants plants = Plants.chooseEveryRule(rnd, n, CYCLE, m);
        boolean gb = m % 2 == 0;
        int year = ctx.time().month(m).getYear();
        int month = ctx.time().month(m).getMonthValue();
        CellText.MonthStyle months = CellText.MonthStyle.values()[m % CellText.MonthStyle.values().length];
        CellText.AmountStyle amounts = gb ? CellText.AmountStyle.GROUPED : CellText.AmountStyle.PLAIN;
        String payMonth = months.text(year, month);
        String name = "基本养老金发放明细_" + ctx.compactMonth(m) + ".csv";
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name,
                gb ? FeedFile.Format.CSV_GB18030 : FeedFile.Format.CSV_UTF8_BOM, ctx.truth())) {
            if (gb) {
                titles(f, ctx.cityMonth(m) + "基本养老金发放明细", UNIT);
            }
            f.header(h("id_number"), h("pay_month"), h("scheme"), h("amount"));
            for (int k = 0; k < n; k++) {
                int i = persons.get(k);
                Object[] cells = {id(i), payMonth, label("pension_scheme", Elders.SCHEMES[elders.pensionScheme(i)]),
                    amounts.text(elders.pensionFen(i))};
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
                    case "DUPLICATE_KEY" -> "pay_month,id_number,scheme";
                    case "ID_CHECKSUM" -> {
                        extra[0] = wrongCheck((String) extra[0], rnd);
                        yield "id_number";
                    }
                    case "ID_FORMAT" -> {
                        extra[0] = droppedDigit((String) extra[0], rnd);
                        yield "id_number";
                    }
                    case "OUT_OF_PERIOD" -> {
                        java.time.YearMonth before = ctx.time().month(m).minusMonths(1);
                        extra[1] = months.text(before.getYear(), before.getMonthValue());
                        yield "pay_month";
                    }
                    case "CODE_UNKNOWN" -> {
                        extra[2] = "新农保";
                        yield "scheme";
                    }
                    case "RANGE" -> {
                        extra[3] = amounts.text(0);
                        yield "amount";
                    }
                    case "REQUIRED" -> {
                        extra[3] = null;
                        yield "amount";
                    }
                    case "TYPE_FORMAT" -> {
                        extra[1] = year + "-13";
                        yield "pay_month";
                    }
                    default -> throw new IllegalArgumentException(variant);
                };
                f.reject(f.data(extra), column, variant);
            }
            List<AuditCases.Pension> planted = audit.pensions(m);
            for (AuditCases.Pension p : planted) {
                f.data(id(p.person()), payMonth, label("pension_scheme", Elders.SCHEMES[p.scheme()]),
                        amounts.text(p.fen()));
            }
            if (gb) {
                f.footer("合计", "共" + (n + planted.size()) + "人");
            }
        }
    }
}
