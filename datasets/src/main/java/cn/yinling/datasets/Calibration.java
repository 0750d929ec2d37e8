package cn.yinling.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generator's figures against the committee's own report (truth/calibration.csv): at scale 1.0 and twelve months,
 * about 73万 elderly insured against accidents (about 40 % of the 60+), about 23.28万 longevity-allowance recipients
 * paid about 1.6亿元 over the year, about 2,200 people in government-purchased home care, 5–6 thousand orders a month
 * per 1,000 served. Targets of counts and amounts scale with the population (and the amount with the months).
 *
 * <p>{@code Calibration <generated folder>} prints the figures of a generated city.
 */
public final class Calibration {

    public static final String FILE_NAME = "calibration.csv";

    /**
     * @param value  the generator's figure (what the warehouse must reproduce)
     * @param target the report's figure at this scale
     */
    public record Figure(String code, String name, double value, double target, String unit) {

        public double deviationPercent() {
            return target == 0 ? 0 : 100 * (value - target) / target;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s %16s   目标 %16s %-4s 偏差 %+6.1f%%", name, number(value),
                    number(target), unit, deviationPercent());
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                    : String.format(Locale.ROOT, "%,.2f", v);
        }
    }

    private Calibration() {
    }

    /** Monthly figures averaged over the months, the longevity amount summed. */
    static List<Figure> figures(GeneratorOptions options, List<KpiTruth.CityMonth> months) {
        double scale = options.scale();
        int n = Math.max(1, months.size());
        double pop60 = 0;
        double insured = 0;
        double recipients = 0;
        double amountFen = 0;
        double govPersons = 0;
        double ordersPerThousand = 0;
        for (KpiTruth.CityMonth m : months) {
            pop60 += m.pop60();
            insured += m.insured60();
            recipients += m.longevityRecipients();
            amountFen += m.longevityFen();
            govPersons += m.govPersons();
            ordersPerThousand += m.govPersons() == 0 ? 0 : 1000.0 * m.govCompletedOrders() / m.govPersons();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("insured_persons", "意外伤害保险参保老人（月均，accident_insurance_rate 分子）",
                Math.round(insured / n), Math.round(730_000 * scale), "人"));
        figures.add(new Figure("insured_share", "参保率（占60岁以上，月均）", round2(pop60 == 0 ? 0 : 100 * insured / pop60),
                40, "%"));
        figures.add(new Figure("longevity_recipients", "高龄津贴发放人数（月均）", Math.round(recipients / n),
                Math.round(232_800 * scale), "人"));
        figures.add(new Figure("longevity_amount", "高龄津贴发放金额（" + months.size() + "个月合计）",
                round2(amountFen / 100), Math.round(160_000_000 * scale * months.size() / 12.0), "元"));
        figures.add(new Figure("gov_home_care_persons", "政府购买居家养老服务对象（月均）", Math.round(govPersons / n),
                Math.round(2_200 * scale), "人"));
        figures.add(new Figure("orders_per_1000_served", "每千名服务对象月工单数（已完成）", Math.round(ordersPerThousand / n),
                5_500, "单"));
        return figures;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static void write(Path file, List<Figure> figures) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder("figure,name,value,target,unit\n");
        for (Figure f : figures) {
            sb.append(f.code()).append(',').append(f.name().replace(',', '，')).append(',')
                    .append(plain(f.value())).append(',').append(plain(f.target())).append(',').append(f.unit())
                    .append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The figures of a generated folder (its truth/calibration.csv). */
    public static List<Figure> read(Path generated) throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<String> lines = Files.readAllLines(generated.resolve("truth").resolve(FILE_NAME), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            figures.add(new Figure(c[0], c[1], Double.parseDouble(c[2]), Double.parseDouble(c[3]), c[4]));
        }
        return figures;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("用法：Calibration <生成目录>（其中有 truth/" + FILE_NAME + "）");
            System.exit(2);
        }
        read(Path.of(args[0])).forEach(System.out::println);
    }
}
