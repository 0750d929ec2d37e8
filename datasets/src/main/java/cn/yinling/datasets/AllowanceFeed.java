package cn.yinling.datasets;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * 高龄津贴及养老补贴发放 monthly (spec/feeds.md allowance) from 民政局: the city bureau pays most districts (12-digit
 * community codes), 铜山区 its own (Excel with titles, 9-digit street codes), 邳州市 its own (GB18030 CSV, 6-digit district
 * code, amounts written 50元).
 */
final class AllowanceFeed extends ElderFeed {

    static final String FEED = "allowance";

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "RANGE:zero", "CODE_UNKNOWN:type", "OUT_OF_PERIOD", "REGION_UNKNOWN", "DUPLICATE_KEY",
        "RANGE:high", "OUT_OF_SCOPE", "REQUIRED", "TYPE_FORMAT", "CODE_UNKNOWN:method", "ID_FORMAT"};
    private static final String[] METHODS = {"social_card", "bank_card", "cash"};

    private final AuditCases audit;

    AllowanceFeed(GenerationContext ctx, Elders elders) {
        this(ctx, elders, AuditCases.none());
    }

    /** @param audit the audit cases: a withheld longevity payment is left out, planted payments follow the real rows */
    AllowanceFeed(GenerationContext ctx, Elders elders, AuditCases audit) {
        super(ctx, elders, FEED);
        this.audit = audit;
    }

    void write() throws IOException {
        Timeline time = ctx.time();
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        for (int m = 0; m < time.size(); m++) {
            ByUnit byUnit = new ByUnit(Units.splitUnits(Units.CIVIL_AFFAIRS));
            for (int i : elders.candidates) {
                audit.allowances(elders, i, m, fen);
                for (long f : fen) {
                    if (f > 0) {
                        byUnit.add(Units.civilAffairsOf(district6(i)), i);
                        break;
                    }
                }
            }
            for (var e : byUnit.rows.entrySet()) {
                writeFile(m, e.getKey(), e.getValue());
            }
            ctx.progress().step("高龄津贴及养老补贴", m + 1, time.size());
        }
    }

    /** How each unit writes its file. */
    private enum Style {
        CITY, TONGSHAN, PIZHOU
    }

    private void writeFile(int m, String unit, Population.IntList persons) throws IOException {
        Style style = unit.equals(Units.CIVIL_AFFAIRS) ? Style.CITY : Units.scope(unit).equals("320312")
                ? Style.TONGSHAN : Style.PIZHOU;
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        int rows = 0;
        for (int k = 0; k < persons.size(); k++) {
            audit.allowances(elders, persons.get(k), m, fen);
            for (long f : fen) {
                rows += f > 0 ? 1 : 0;
            }
        }
        SplittableRandom rnd = Rng.stream(ctx.seed(), "allowance-" + m + "-" + unit);
        boolean district = style != Style.CITY;
        String[] cycle = applicable(CYCLE, v -> district || !v.equals("OUT_OF_SCOPE"));
        Plants plants = Plants.chooseEveryRule(rnd, rows, cycle, m + unit.hashCode());
        boolean xlsx = style == Style.TONGSHAN && rows <= XLSX_MAX_ROWS;
        FeedFile.Format format = xlsx ? FeedFile.Format.XLSX : style == Style.PIZHOU ? FeedFile.Format.CSV_GB18030
                : FeedFile.Format.CSV_UTF8_BOM;
        int year = ctx.time().month(m).getYear();
        int month = ctx.time().month(m).getMonthValue();
        String place = district ? Units.name(unit).replace("民政局", "") : "徐州市";
        String name = switch (style) {
            case CITY -> "徐州市高龄津贴及养老补贴发放明细_" + ctx.compactMonth(m) + (xlsx ? ".xlsx" : ".csv");
            case TONGSHAN -> "铜山区" + year + "年" + month + "月高龄津贴发放表" + (xlsx ? ".xlsx" : ".csv");
            case PIZHOU -> "邳州市高龄津贴_" + ctx.compactMonth(m) + ".csv";
        };
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), unit, name, format, ctx.truth())) {
            if (style != Style.CITY || !xlsx) {
                titles(f, place + year + "年" + month + "月高龄津贴及养老补贴发放明细表", unit);
            }
            String amountHeader = style == Style.TONGSHAN ? h("amount") + "（元）" : h("amount");
            f.header(h("pay_month"), h("id_number"), h("name"), h("allowance_type"), amountHeader, h("region_code"),
                    h("pay_method"));
            Object payMonth = switch (style) {
                case CITY -> xlsx ? (Object) LocalDate.of(year, month, 1) : CellText.MonthStyle.ISO.text(year, month);
                case TONGSHAN -> CellText.MonthStyle.CHINESE.text(year, month);
                case PIZHOU -> CellText.MonthStyle.COMPACT.text(year, month);
            };
            int index = 0;
            long total = 0;
            for (int k = 0; k < persons.size(); k++) {
                int i = persons.get(k);
                audit.allowances(elders, i, m, fen);
                for (int t = 0; t < fen.length; t++) {
                    if (fen[t] == 0) {
                        continue;
                    }
                    total += fen[t];
                    Object[] cells = {payMonth, style == Style.CITY ? id(i) : idMaybeLegacy(i), pop.name(i),
                        label("allowance_type", Elders.ALLOWANCE_TYPES[t]), amount(fen[t], style, xlsx),
                        region(ctx.regions().communityCode12(pop.communityAt(i, m)), style),
                        label("pay_method", METHODS[method(i)])};
                    f.data(cells);
                    String variant = plants.at(index++);
                    if (variant != null) {
                        Object[] extra = cells.clone();
                        String column = plant(variant, extra, i, m, style, xlsx, rnd);
                        f.reject(f.data(extra), column, ruleOf(variant));
                    }
                }
            }
            for (AuditCases.Payment p : audit.payments(m, unit)) {
                int i = p.person();
                total += p.fen();
                f.data(payMonth, style == Style.CITY ? id(i) : idMaybeLegacy(i), pop.name(i),
                        label("allowance_type", Elders.ALLOWANCE_TYPES[p.type()]), amount(p.fen(), style, xlsx),
                        region(ctx.regions().communityCode12(pop.communityAt(i, m)), style),
                        label("pay_method", METHODS[method(i)]));
            }
            if (f.xlsx()) {
                f.blank();
            }
            f.footer("合计", null, null, null, amount(total, style, xlsx));
            if (f.xlsx()) {
                f.footer(ctx.preparedBy(m, "王晓燕", "刘志刚"));
            }
        }
    }

    private int method(int i) {
        int h = elders.hash(i, 40, 0, 100);
        return h < 80 ? 0 : h < 98 ? 1 : 2;
    }

    private static Object amount(long fen, Style style, boolean xlsx) {
        if (xlsx) {
            return fen / 100.0;
        }
        return style == Style.PIZHOU ? CellText.AmountStyle.YUAN.text(fen) : CellText.AmountStyle.PLAIN.text(fen);
    }

    /** The payment region as the unit writes it: 12-digit community, 9-digit street or 6-digit district code. */
    private static String region(String community12, Style style) {
        return switch (style) {
            case CITY -> community12;
            case TONGSHAN -> community12.substring(0, 9);
            case PIZHOU -> community12.substring(0, 6);
        };
    }

    private String plant(String variant, Object[] cells, int i, int m, Style style, boolean xlsx,
            SplittableRandom rnd) {
        int end = ctx.time().end(m);
        boolean male = rnd.nextBoolean();
        cells[1] = syntheticId(rnd, elderlyBirth(rnd, end));
        cells[2] = Names.name(ctx.seed() + 17, rnd.nextLong(), male);
        switch (variant) {
            case "DUPLICATE_KEY" -> {
                cells[1] = style == Style.CITY ? id(i) : idMaybeLegacy(i);
                cells[2] = pop.name(i);
                return "pay_month,id_number,allowance_type";
            }
            case "ID_CHECKSUM" -> {
                cells[1] = wrongCheck((String) cells[1], rnd);
                return "id_number";
            }
            case "ID_FORMAT" -> {
                cells[1] = droppedDigit((String) cells[1], rnd);
                return "id_number";
            }
            case "RANGE:zero" -> {
                cells[4] = amount(0, style, xlsx);
                return "amount";
            }
            case "RANGE:high" -> {
                // 5000 typed as 500000
                cells[4] = amount(50_000_000, style, xlsx);
                return "amount";
            }
            case "CODE_UNKNOWN:type" -> {
                cells[3] = "高龄补贴";
                return "allowance_type";
            }
            case "CODE_UNKNOWN:method" -> {
                cells[6] = "支付宝";
                return "pay_method";
            }
            case "OUT_OF_PERIOD" -> {
                // a back payment of last month sent with this month's file
                java.time.YearMonth before = ctx.time().month(m).minusMonths(1);
                cells[0] = CellText.MonthStyle.ISO.text(before.getYear(), before.getMonthValue());
                return "pay_month";
            }
            case "REGION_UNKNOWN" -> {
                String code = (String) cells[5];
                cells[5] = code.substring(0, 6) + (code.length() == 12 ? "999999" : "999");
                return "region_code";
            }
            case "OUT_OF_SCOPE" -> {
                // a payment region of another district
                String own = ((String) cells[5]).substring(0, 6);
                String other = null;
                for (RegionRegistry.Region c : ctx.regions().communities()) {
                    if (!c.code().startsWith(own) && rnd.nextInt(50) == 0) {
                        other = c.code12();
                        break;
                    }
                }
                cells[5] = region(other == null ? "320302001001" : other, style);
                return "region_code";
            }
            case "REQUIRED" -> {
                cells[4] = null;
                return "amount";
            }
            case "TYPE_FORMAT" -> {
                cells[4] = "伍拾元";
                return "amount";
            }
            default -> throw new IllegalArgumentException(variant);
        }
    }
}
