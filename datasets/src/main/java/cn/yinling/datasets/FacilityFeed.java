package cn.yinling.datasets;

import cn.yinling.datasets.FacilityRegistry.Facility;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/** 养老服务设施 monthly snapshots from 民政局 (civil_affairs:320300): mostly XLSX with a 序号 column, some CSV GB18030. */
final class FacilityFeed {

    static final String FEED = "facility";
    static final String UNIT = "civil_affairs:320300";

    private static final String[] RULES = {
        "USCC_CHECKSUM", "BEDS_INCONSISTENT", "CODE_UNKNOWN", "REQUIRED", "TYPE_FORMAT", "REGION_UNKNOWN",
        "DUPLICATE_KEY"};

    private final GenerationContext ctx;
    /** Month → facilities (by index in the registry) whose row was quarantined. */
    private final BitSet[] rejected;
    private final String[] statusLabel;

    FacilityFeed(GenerationContext ctx) {
        this.ctx = ctx;
        this.rejected = new BitSet[ctx.time().size()];
        this.statusLabel = new String[] {
            FeedFile.label("facility_status", "open"),
            FeedFile.label("facility_status", "closed"),
            FeedFile.label("facility_status", "planned")};
    }

    boolean rejected(int m, int facility) {
        return rejected[m].get(facility);
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            rejected[m] = new BitSet();
            writeMonth(m);
            ctx.progress().step("养老服务设施", m + 1, ctx.time().size());
        }
    }

    private void writeMonth(int m) throws IOException {
        List<Facility> all = ctx.facilities().all();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "facility-" + m);
        Plants plants = Plants.choose(rnd, all.size(), RULES, m);
        boolean csv = m % 4 == 3;
        FeedFile.Format format = csv ? FeedFile.Format.CSV_GB18030 : FeedFile.Format.XLSX;
        CellText.DateStyle dates = csv ? CellText.DateStyle.DOT : CellText.DateStyle.EXCEL;
        String yes = csv ? "Y" : "是";
        String no = csv ? "N" : "否";
        String name = (csv ? "养老服务设施_" : "徐州市养老服务设施统计表_") + ctx.compactMonth(m) + (csv ? ".csv" : ".xlsx");
        int offset = csv ? 0 : 1; // XLSX has a 序号 column first
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name, format, ctx.truth())) {
            f.title(ctx.cityMonth(m) + "养老服务设施统计表");
            f.title("填报单位：徐州市民政局养老服务处");
            Object[] header = {h("facility_code"), h("name"), h("facility_type"), h("region_code"), h("beds"),
                h("nursing_beds"), h("opened_date"), h("status"), h("operation"), h("fire_safe")};
            f.header(csv ? header : prepend("序号", header));
            for (int k = 0; k < all.size(); k++) {
                Facility fa = all.get(k);
                Object[] cells = new Object[10 + offset];
                if (!csv) {
                    cells[0] = k + 1;
                }
                int status = fa.statusAt(m);
                cells[offset] = fa.code;
                cells[offset + 1] = fa.name;
                cells[offset + 2] = FeedFile.label("facility_type", fa.type);
                cells[offset + 3] = fa.regionCode;
                cells[offset + 4] = fa.beds > 0 ? number(fa.beds, csv) : null;
                cells[offset + 5] = fa.type.equals(FacilityRegistry.INSTITUTION) ? number(fa.nursingBeds, csv)
                        : fa.beds > 0 ? number(0, csv) : null;
                cells[offset + 6] = dates.cell(fa.openedAt(m));
                cells[offset + 7] = statusLabel[status];
                cells[offset + 8] = FeedFile.label("operation", fa.operation);
                cells[offset + 9] = fa.fireSafe ? yes : no;
                String rule = plants.at(k);
                if (rule == null) {
                    f.data(cells);
                } else if (rule.equals("DUPLICATE_KEY")) {
                    f.data(cells);
                    Object[] copy = cells.clone();
                    if (!csv) {
                        copy[0] = k + 2; // staff number the pasted row on
                    }
                    f.reject(f.data(copy), "facility_code", rule);
                } else {
                    String[] planted = plant(cells, offset, fa, rule, csv, rnd);
                    f.reject(f.data(cells), planted[0], planted[1]);
                    rejected[m].set(k);
                }
            }
            if (!csv) {
                f.blank();
            }
            f.footer("合计", "共" + all.size() + "个");
            f.footer(ctx.preparedBy(m, "陈静", "赵卫东"));
        }
    }

    private static Object number(int v, boolean csv) {
        return csv ? Integer.toString(v) : (Object) v;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static String h(String key) {
        return FeedFile.header(FEED, key);
    }

    /** Breaks exactly one rule; returns {column, rule}. */
    private String[] plant(Object[] cells, int o, Facility fa, String rule, boolean csv, SplittableRandom rnd) {
        switch (rule) {
            case "USCC_CHECKSUM" -> {
                char right = fa.code.charAt(17);
                int idx = Uscc.CHARSET.indexOf(right);
                char wrong = Uscc.CHARSET.charAt((idx + 1 + rnd.nextInt(30)) % 31);
                cells[o] = fa.code.substring(0, 17) + wrong;
                return new String[] {"facility_code", rule};
            }
            case "BEDS_INCONSISTENT" -> {
                // beds and nursing beds swapped or mistyped; a facility without beds gets a small number typed in
                int beds = fa.beds > 0 ? fa.beds : 6 + rnd.nextInt(10);
                cells[o + 4] = number(beds, csv);
                cells[o + 5] = number(beds + 1 + rnd.nextInt(40), csv);
                return new String[] {"nursing_beds", rule};
            }
            case "CODE_UNKNOWN" -> {
                cells[o + 7] = "试运营";
                return new String[] {"status", rule};
            }
            case "REQUIRED" -> {
                cells[o + 1] = null;
                return new String[] {"name", rule};
            }
            case "TYPE_FORMAT" -> {
                int opened = fa.openedAt(0) != 0 ? fa.openedAt(0) : 20240101;
                cells[o + 6] = Ymd.year(opened) + "-13-" + (Ymd.day(opened) < 10 ? "0" : "") + Ymd.day(opened);
                return new String[] {"opened_date", rule};
            }
            case "REGION_UNKNOWN" -> {
                cells[o + 3] = fa.district6 + "999";
                return new String[] {"region_code", rule};
            }
            default -> throw new IllegalArgumentException(rule);
        }
    }
}
