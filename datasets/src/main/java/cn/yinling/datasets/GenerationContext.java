package cn.yinling.datasets;

import java.nio.file.Path;

/** What every feed writer needs: the options, the reference data, the simulated city, and the truth being recorded. */
record GenerationContext(
        GeneratorOptions options,
        RegionRegistry regions,
        Timeline time,
        Population population,
        FacilityRegistry facilities,
        Truth truth,
        ProgressListener progress) {

    Path out() {
        return options.out();
    }

    long seed() {
        return options.seed();
    }

    /** 徐州市2024年12月 style prefix for titles. */
    String cityMonth(int m) {
        return "徐州市" + time.month(m).getYear() + "年" + time.month(m).getMonthValue() + "月";
    }

    /** 202412. */
    String compactMonth(int m) {
        return Integer.toString(time.month(m).getYear() * 100 + time.month(m).getMonthValue());
    }

    /** A plausible 制表 footer line dated a few days after the month. */
    String preparedBy(int m, String clerk, String reviewer) {
        int day = Ymd.of(time.month(m).atEndOfMonth().plusDays(5));
        return "制表人：" + clerk + "    审核人：" + reviewer + "    制表日期：" + CellText.DateStyle.CHINESE.text(day);
    }
}
