package cn.yinling.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseReaderTest {

    static final String CITY = "320300000000";
    static final String GULOU = "320302000000";
    static final String YUNLONG = "320303000000";
    static final String HUANGLOU_STREET = "320302001000";
    static final String FENGCAI_STREET = "320302002000";
    static final String HUANGLOU_COMMUNITY = "320302001001";
    static final YearMonth DEC = YearMonth.of(2024, 12);
    static final YearMonth NOV = YearMonth.of(2024, 11);

    @TempDir
    Path home;
    WarehouseReader reader;

    @BeforeEach
    void publishVersionOne() {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO);
    }

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void monthsAreThoseWithKpiValuesOldestFirst() {
        assertEquals(List.of("2024-11", "2024-12"), reader.months());
        assertEquals(DEC, reader.latestMonth().orElseThrow());
        assertEquals(OptionalInt.of(1), reader.liveVersion());
    }

    @Test
    void valuesOfARegionAndMonthCarryThePreviousMonth() {
        List<KpiMonthValue> values = reader.kpiValues(CITY, DEC);
        assertEquals(7, values.size());
        Map<String, KpiMonthValue> byKey = values.stream().collect(Collectors.toMap(
                v -> v.kpiCode() + "/" + v.breakdown(), Function.identity()));

        KpiMonthValue population = byKey.get("pop_total/null");
        assertEquals(1010.0, population.value());
        assertEquals(1000.0, population.previousValue());
        assertNull(population.denominator());

        KpiMonthValue nursing = byKey.get("nursing_bed_share/null");
        assertEquals(60.0, nursing.value());
        assertEquals(50.0, nursing.previousValue());
        assertEquals(60.0, nursing.numerator());
        assertEquals(100.0, nursing.denominator());
        assertEquals(55.0, nursing.target());

        assertEquals(7.0, byKey.get("facilities_open/null").value());
        assertEquals(6.0, byKey.get("facilities_open/null").previousValue());
        assertEquals(4.0, byKey.get("facilities_open/day_care_center").value());
        assertEquals(3.0, byKey.get("facilities_open/day_care_center").previousValue());
        assertEquals(3.0, byKey.get("facilities_open/institution").previousValue());

        KpiMonthValue visits = byKey.get("visit_rate/null");
        assertNull(visits.value(), "denominator 0 gives no value");
        assertEquals(80.0, visits.previousValue());
    }

    @Test
    void firstMonthOrMissingPreviousRowHasNoPreviousValue() {
        assertNull(reader.kpiValues(CITY, NOV).stream().filter(v -> v.kpiCode().equals("pop_total"))
                .findFirst().orElseThrow().previousValue());
        KpiMonthValue districtRate = reader.kpiValues(GULOU, DEC).stream()
                .filter(v -> v.kpiCode().equals("aging_rate_60")).findFirst().orElseThrow();
        assertEquals(20.0, districtRate.value());
        assertNull(districtRate.previousValue());
        assertTrue(reader.kpiValues(CITY, YearMonth.of(2025, 1)).isEmpty());
    }

    @Test
    void trendRunsOverAllMonthsForTotalOrOneBreakdown() {
        List<KpiRow> trend = reader.trend("pop_total", GULOU, null);
        assertEquals(List.of("2024-11", "2024-12"), trend.stream().map(KpiRow::month).toList());
        assertEquals(List.of(600.0, 605.0), trend.stream().map(KpiRow::value).toList());
        assertEquals("鼓楼区", trend.get(0).regionName());
        assertEquals(3, trend.get(0).regionLevel());

        assertEquals(List.of(3.0, 4.0), reader.trend("facilities_open", CITY, "day_care_center").stream()
                .map(KpiRow::value).toList());
        assertEquals(List.of(6.0, 7.0), reader.trend("facilities_open", CITY, null).stream()
                .map(KpiRow::value).toList());
    }

    @Test
    void childValuesDrillFromCityToDistrictsToStreetsToCommunities() {
        List<KpiRow> districts = reader.childValues("nursing_bed_share", CITY, DEC, null);
        assertEquals(List.of(GULOU, YUNLONG), districts.stream().map(KpiRow::regionCode).toList());
        assertEquals(List.of(75.0, 37.5), districts.stream().map(KpiRow::value).toList());

        List<KpiRow> streets = reader.childValues("pop_total", GULOU, DEC, null);
        assertEquals(List.of("黄楼街道", "丰财街道"), streets.stream().map(KpiRow::regionName).toList());
        assertEquals(List.of(352.0, 253.0), streets.stream().map(KpiRow::value).toList());

        List<KpiRow> communities = reader.childValues("pop_total", HUANGLOU_STREET, NOV, null);
        assertEquals(List.of(200.0, 150.0), communities.stream().map(KpiRow::value).toList());
        assertEquals(List.of(5, 5), communities.stream().map(KpiRow::regionLevel).toList());

        assertTrue(reader.childValues("pop_total", HUANGLOU_COMMUNITY, DEC, null).isEmpty());
    }

    @Test
    void childValuesListEveryChildRegionEvenWithoutARow() {
        // nursing_bed_share has rows for the districts only: Gulou's streets come with null figures
        List<KpiRow> streets = reader.childValues("nursing_bed_share", GULOU, DEC, null);
        assertEquals(List.of(HUANGLOU_STREET, FENGCAI_STREET), streets.stream().map(KpiRow::regionCode).toList());
        assertEquals(List.of(4, 4), streets.stream().map(KpiRow::regionLevel).toList());
        assertNull(streets.get(0).value());
        assertNull(streets.get(0).numerator());
        assertEquals("nursing_bed_share", streets.get(0).kpiCode());
        assertEquals("2024-12", streets.get(0).month());
    }

    @Test
    void publishedKpisAreThoseWithRows() {
        assertEquals(List.of("aging_rate_60", "facilities_open", "nursing_bed_share", "pop_total", "visit_rate"),
                reader.publishedKpis());
    }

    @Test
    void feedDeliveriesComeFromTheVersionsLineage() throws Exception {
        Files.writeString(home.resolve("warehouse/versions/1/lineage.json"), """
                {"version": 1, "batches": [
                  {"id": "a", "feed": "household", "period": "2024-11", "unit": "public_security:320300", "rows": 9},
                  {"id": "b", "feed": "household", "period": "2024-12", "unit": "public_security:320300", "rows": 9},
                  {"id": "c", "feed": "allowance", "period": "2024-12", "unit": "civil_affairs:320300", "rows": 3},
                  {"id": "d", "feed": "living_status", "period": "2024", "unit": "civil_affairs:320300", "rows": 5}]}
                """);
        FeedDeliveries deliveries = reader.feedDeliveries();
        assertTrue(deliveries.known());
        assertTrue(deliveries.deliveredBy("household", NOV));
        assertTrue(deliveries.deliveredBy("allowance", DEC));
        assertFalse(deliveries.deliveredBy("allowance", NOV), "first sent for 2024-12");
        assertTrue(deliveries.deliveredBy("allowance", YearMonth.of(2025, 1)), "a later month: the feed has started");
        assertTrue(deliveries.deliveredBy("living_status", YearMonth.of(2024, 1)), "an annual period covers its year");
        assertFalse(deliveries.deliveredBy("living_status", YearMonth.of(2023, 12)));
        assertFalse(deliveries.deliveredBy("pension", DEC), "never sent");
    }

    @Test
    void withoutLineageEveryFeedCountsAsDeliveredAndWithoutAPyramidTheReaderAnswersNone() {
        FeedDeliveries deliveries = reader.feedDeliveries();
        assertFalse(deliveries.known());
        assertTrue(deliveries.deliveredBy("pension", DEC));
        assertEquals(List.of(), reader.pyramid(CITY, DEC), "the fixture has no mart_population_pyramid");
    }

    @Test
    void regionPathGivesTheBreadcrumbFromTheCityDown() {
        RegionPath path = reader.regionPath(HUANGLOU_COMMUNITY).orElseThrow();
        assertEquals("黄楼社区居委会", path.region().name());
        assertEquals(5, path.region().level());
        assertEquals(List.of("徐州市", "鼓楼区", "黄楼街道"), path.ancestors().stream().map(Region::name).toList());
        assertEquals(List.of(), reader.regionPath(CITY).orElseThrow().ancestors());
        assertTrue(reader.regionPath("320399999999").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> reader.regionPath("3203"));

        assertEquals(List.of(HUANGLOU_STREET, FENGCAI_STREET), reader.children(GULOU).stream()
                .map(Region::regionCode).toList());
        assertEquals(List.of("徐州市"), reader.cities().stream().map(Region::name).toList());
        assertEquals(GULOU, reader.region(GULOU).orElseThrow().regionCode());
    }

    @Test
    void kpiRowsFilterByMonthsRegionSubtreeLevelAndCode() {
        // 14 pop_total + 4 aging_rate_60 + 4 nursing_bed_share + 6 facilities_open + 2 visit_rate rows
        assertEquals(30, reader.kpiRows(KpiFilter.all()).size());
        // 2024-11: 7 pop_total + 1 aging + 1 nursing + 3 facilities + 1 visit
        assertEquals(13, reader.kpiRows(KpiFilter.month(NOV)).size());
        // Gulou subtree: pop_total for Gulou, 2 streets, 2 communities over 2 months; aging and nursing in 2024-12
        assertEquals(12, reader.kpiRows(KpiFilter.all().region(GULOU)).size());
        // districts: 4 pop_total + 2 aging + 2 nursing
        assertEquals(8, reader.kpiRows(KpiFilter.all().level(RegionLevel.district)).size());

        List<KpiRow> streets = reader.kpiRows(KpiFilter.month(DEC).region(GULOU).level(RegionLevel.street).kpi("pop_total"));
        assertEquals(List.of(new KpiRow("pop_total", null, HUANGLOU_STREET, "黄楼街道", 4, "2024-12", 352.0, 352.0, null, null),
                new KpiRow("pop_total", null, FENGCAI_STREET, "丰财街道", 4, "2024-12", 253.0, 253.0, null, null)), streets);

        List<KpiRow> facilities = reader.kpiRows(KpiFilter.month(DEC).kpi("facilities_open"));
        assertEquals(List.of("null", "day_care_center", "institution"),
                facilities.stream().map(r -> String.valueOf(r.breakdown())).toList(), "total first");
        assertThrows(IllegalArgumentException.class, () -> KpiFilter.all().months(DEC, NOV));
    }

    @Test
    void withoutAPublishedVersionReadersAreToldHowToPublishOne(@TempDir Path emptyHome) throws Exception {
        try (WarehouseReader empty = new WarehouseReader(new CurrentPointerFile(new AgingHome(emptyHome)), Duration.ZERO)) {
            assertEquals(OptionalInt.empty(), empty.liveVersion());
            NoPublishedVersionException e = assertThrows(NoPublishedVersionException.class, empty::months);
            assertTrue(e.getMessage().contains("./aging etl"), e.getMessage());

            new PublishedVersionFixture(emptyHome).publish(1, "mart_kpi_v1.sql");
            assertEquals(List.of("2024-11", "2024-12"), empty.months());
        }
    }

    @Test
    void aBrokenNewVersionLeavesTheOldOneServing() throws Exception {
        assertEquals(1010.0, cityPopulationDecember(reader));
        Files.createDirectories(home.resolve("warehouse/versions/2/mart_kpi"));
        Files.writeString(home.resolve("warehouse/CURRENT"), "2\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class, reader::refresh);
        assertTrue(refused.getMessage().contains("缺少数据表"), refused.getMessage());
        assertEquals(1010.0, cityPopulationDecember(reader));
        assertEquals(OptionalInt.of(1), reader.liveVersion());

        try (WarehouseReader fresh = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO)) {
            NoPublishedVersionException e = assertThrows(NoPublishedVersionException.class, fresh::months);
            assertTrue(e.getMessage().contains("无法打开"), e.getMessage());
        }
    }

    static double cityPopulationDecember(WarehouseReader reader) {
        return reader.kpiRows(KpiFilter.month(DEC).region(CITY).level(RegionLevel.city).kpi("pop_total")).get(0).value();
    }
}
