package cn.yinling.dashboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import org.junit.jupiter.api.Test;

/** How figures are written in prose and tables. */
class ReportNumbersTest {

    static final KpiCatalog CATALOG = KpiCatalog.defaults();

    static KpiDefinition kpi(String code) {
        return CATALOG.get(code);
    }

    @Test
    void proseWritesLargeCountsInWanAndMoneyInWanOrYi() {
        assertEquals("1010人", ReportNumbers.prose(kpi("pop_total"), 1010));
        assertEquals("1043.52万人", ReportNumbers.prose(kpi("pop_total"), 10_435_200));
        assertEquals("2.35万张", ReportNumbers.prose(kpi("beds_total"), 23_456));
        assertEquals("461.54张", ReportNumbers.prose(kpi("beds_per_1000"), 461.538461));
        assertEquals("25.74%", ReportNumbers.prose(kpi("aging_rate_60"), 25.742574));
        assertEquals("21.79", ReportNumbers.prose(kpi("old_age_dependency"), 21.787));
        assertEquals("800.00元", ReportNumbers.prose(kpi("longevity_amount"), 800));
        assertEquals("3.60万元", ReportNumbers.prose(kpi("longevity_amount"), 36_000));
        assertEquals("1.35亿元", ReportNumbers.prose(kpi("longevity_amount"), 135_000_000));
    }

    @Test
    void tableCellsAreThePlainNumberWithoutUnit() {
        assertEquals("1010", ReportNumbers.cell(kpi("pop_total"), 1010));
        assertEquals("25.74", ReportNumbers.cell(kpi("aging_rate_60"), 25.742574));
        assertEquals("800.00", ReportNumbers.cell(kpi("longevity_amount"), 800));
        assertEquals("暂无数据", ReportNumbers.cell(kpi("pop_total"), AnnualFigures.Figure.NO_DATA));
        assertEquals("无法计算", ReportNumbers.cell(kpi("aging_rate_60"), AnnualFigures.Figure.NO_VALUE));
    }

    @Test
    void changesSayUpOrDownInPointsForPercentagesAndInUnitsForCounts() {
        assertEquals("提高2.02个百分点", ReportNumbers.change(kpi("aging_rate_60"), 25.742574, 23.720472));
        assertEquals("下降0.50个百分点", ReportNumbers.change(kpi("aging_rate_60"), 20.0, 20.5));
        assertEquals("持平", ReportNumbers.change(kpi("aging_rate_60"), 20.001, 20.0));
        assertEquals("增加19人", ReportNumbers.change(kpi("pop_60"), 260, 241));
        assertEquals("减少1.20万人", ReportNumbers.change(kpi("pop_60"), 100_000, 112_000));
        assertEquals("持平", ReportNumbers.change(kpi("pop_60"), 260, 260));
        assertEquals("+19", ReportNumbers.signedCell(kpi("pop_60"), 260, 241));
        assertEquals("-6", ReportNumbers.signedCell(kpi("pop_total"), 1010, 1016));
        assertEquals("0.00", ReportNumbers.signedCell(kpi("aging_rate_60"), 20.001, 20.0));
    }
}
