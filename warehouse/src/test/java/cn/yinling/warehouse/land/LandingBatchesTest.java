package cn.yinling.warehouse.land;

import static cn.yinling.warehouse.land.Fixtures.findings;
import static cn.yinling.warehouse.land.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches: unchanged re-uploads, corrections, refusals (all archived), thresholds, units and periods. */
class LandingBatchesTest {

    static final String HEADER = "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期";

    @TempDir
    Path dir;
    AgingHome home;
    Landing landing;

    @BeforeEach
    void setUp() {
        home = new AgingHome(dir.resolve("home"));
        landing = new Landing(home, Fixtures.options());
    }

    /** n valid household rows, then {@code bad} rows with a wrong sex. */
    Path households(String name, int n, int bad) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < n + bad; i++) {
            String seq = String.format("%03d", 2 * i + 1);
            lines.add(id("320312", "19400101", seq) + ",老人" + i + "," + (i < n ? "男" : "女")
                    + ",1940-01-01,320312001001,,正常,");
        }
        return Fixtures.utf8(dir, name, lines.toArray(String[]::new));
    }

    BatchReport household(Path file) {
        return landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "hh.csv", file));
    }

    @Test
    void identicalReUploadIsUnchangedAndWritesNothing() throws Exception {
        Fixtures.landRegions(landing, dir);
        BatchReport first = household(households("a.csv", 3, 0));
        List<String> before = Fixtures.landingTree(home);
        Path copy = dir.resolve("copy-with-other-name.csv");
        Files.copy(dir.resolve("a.csv"), copy);
        BatchReport again = household(copy);
        assertEquals(BatchStatus.unchanged, again.status());
        assertEquals(first.batchId(), again.batchId());
        assertEquals(3, again.rowsRead());
        assertEquals(3, again.rowsLoaded());
        assertEquals(before, Fixtures.landingTree(home));
    }

    @Test
    void correctionSupersedesTheBatchInForce() throws Exception {
        Fixtures.landRegions(landing, dir);
        BatchReport first = household(households("a.csv", 3, 0));
        BatchReport correction = household(households("b.csv", 4, 0));
        assertEquals(BatchStatus.accepted, correction.status());
        assertEquals(first.batchId(), correction.supersedes());
        assertTrue(correction.batchId().compareTo(first.batchId()) > 0);
        assertEquals(correction.batchId(),
                landing.catalog().inForce("household", "2024-12", "public_security:320300").orElseThrow().batchId());
        // both stay in the archive
        assertEquals(2, landing.catalog().manifests("household", "2024-12", "public_security:320300").size());
        assertEquals(List.of(correction.batchId()),
                landing.catalog().inForce("household").stream().map(Manifest::batchId).toList());
        // uploading the first file again restores it: a new batch with the old content
        BatchReport restore = household(dir.resolve("a.csv"));
        assertEquals(BatchStatus.accepted, restore.status());
        assertEquals(correction.batchId(), restore.supersedes());
        assertTrue(restore.batchId().endsWith(first.batchId().substring(19)));
    }

    @Test
    void missingHeaderRefusesTheFileButArchivesIt() throws Exception {
        Fixtures.landRegions(landing, dir);
        Path file = Fixtures.utf8(dir, "bad.csv",
                "户籍人口",
                "公民身份号码,姓名,出生日期,户籍地区划代码,户籍状态",
                id("320312", "19400101", "001") + ",张三,1940-01-01,320312001001,正常");
        BatchReport report = household(file);
        assertEquals(BatchStatus.refused, report.status());
        assertEquals(Rules.HEADER_MISSING, report.fatal().rule());
        assertTrue(report.fatal().message().contains("性别"), report.fatal().message());
        assertTrue(report.fatal().message().contains("公民身份号码、姓名、出生日期、户籍地区划代码、户籍状态"),
                report.fatal().message());
        assertEquals(0, report.rowsRead());
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        assertEquals(BatchStatus.refused, m.status());
        assertEquals(report.fatal(), m.fatal());
        assertNull(m.supersedes());
        Path batch = landing.catalog().batchDirectory(m);
        assertEquals(List.of("manifest.json", "original.csv", "rejections.csv"),
                Files.list(batch).map(p -> p.getFileName().toString()).sorted().toList());
        assertTrue(Files.readString(batch.resolve("rejections.csv")).contains("HEADER_MISSING"));
        assertTrue(landing.catalog().inForce("household", "2024-12", "public_security:320300").isEmpty());
        assertEquals(report.toJson(), landing.catalog().report(m).toJson());
    }

    @Test
    void refusalKeepsTheBatchInForce() throws Exception {
        Fixtures.landRegions(landing, dir);
        BatchReport good = household(households("a.csv", 3, 0));
        BatchReport refused = household(households("b.csv", 3, 3));
        assertEquals(BatchStatus.refused, refused.status());
        assertEquals(good.batchId(),
                landing.catalog().inForce("household", "2024-12", "public_security:320300").orElseThrow().batchId());
    }

    @Test
    void tooManyRejectedRowsRefuseTheWholeFile() throws Exception {
        Fixtures.landRegions(landing, dir);
        // 1 of 20 = 5 %: not over the threshold
        BatchReport atThreshold = household(households("a.csv", 19, 1));
        assertEquals(BatchStatus.accepted, atThreshold.status(), atThreshold::toJson);
        assertEquals(19, atThreshold.rowsLoaded());
        // 2 of 20 = 10 %: refused, nothing loaded, rejections still listed
        BatchReport over = household(households("b.csv", 18, 2));
        assertEquals(BatchStatus.refused, over.status());
        assertEquals(Rules.REJECT_THRESHOLD, over.fatal().rule());
        assertEquals(List.of("20:sex:SEX_MISMATCH", "21:sex:SEX_MISMATCH"), findings(over));
        assertEquals(20, over.rowsRead());
        assertEquals(0, over.rowsLoaded());
        assertEquals(20, over.rowsQuarantined());
        Manifest m = landing.catalog().find(over.batchId()).orElseThrow();
        assertTrue(landing.catalog().acceptedParquet(m).isEmpty());
        assertEquals(0, m.rowsLoaded());
    }

    @Test
    void aDepartmentMayOnlySendItsOwnFeeds() throws Exception {
        Fixtures.landRegions(landing, dir);
        Path file = households("a.csv", 2, 0);
        BatchReport report = landing.ingest(new Upload("household", "2024-12", "civil_affairs:320312", "t", "a.csv",
                file));
        assertEquals(BatchStatus.refused, report.status());
        assertEquals(Rules.FEED_NOT_ALLOWED, report.fatal().rule());
        assertTrue(report.fatal().message().contains("民政局") && report.fatal().message().contains("公安局"),
                report.fatal().message());
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        assertTrue(Files.exists(landing.catalog().batchDirectory(m).resolve("original.csv")));
        assertTrue(landing.catalog().batchDirectory(m).toString().contains("civil_affairs-320312"));
    }

    @Test
    void malformedFeedUnitOrPeriodIsRefusedAndNothingWritten() throws Exception {
        Path file = households("a.csv", 2, 0);
        List<BatchReport> reports = List.of(
                landing.ingest(new Upload("households", "2024-12", "public_security:320300", "t", "a", file)),
                landing.ingest(new Upload("household", "2024-12", "police:320300", "t", "a", file)),
                landing.ingest(new Upload("household", "2024-12", "public_security:3203", "t", "a", file)),
                landing.ingest(new Upload("household", "../../x", "public_security:320300", "t", "a", file)),
                landing.ingest(new Upload("household", "2024", "public_security:320300", "t", "a", file)),
                landing.ingest(new Upload("region", "2024-12", "stats:320300", "t", "a", file)),
                landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a",
                        dir.resolve("missing.csv"))));
        List<String> rules = reports.stream().map(r -> r.fatal().rule()).toList();
        assertEquals(List.of(Rules.FEED_NOT_ALLOWED, Rules.FEED_NOT_ALLOWED, Rules.FEED_NOT_ALLOWED,
                Rules.OUT_OF_PERIOD, Rules.OUT_OF_PERIOD, Rules.OUT_OF_PERIOD, Rules.FILE_UNREADABLE), rules);
        for (BatchReport r : reports) {
            assertEquals(BatchStatus.refused, r.status());
            assertNull(r.batchId());
        }
        assertTrue(reports.get(4).fatal().message().contains("YYYY-MM"));
        assertEquals(List.of(), Fixtures.landingTree(home));
    }

    @Test
    void withoutRegionCodesFeedsWithRegionColumnsAreRefused() throws Exception {
        BatchReport report = household(households("a.csv", 2, 0));
        assertEquals(BatchStatus.refused, report.status());
        assertEquals(Rules.REGION_UNKNOWN, report.fatal().rule());
        assertTrue(report.fatal().message().startsWith("区划代码库为空：请先由统计局报送统计用区划代码"));
        // death has no region column and needs no registry
        Path death = Fixtures.utf8(dir, "d.csv", "公民身份号码,死亡日期,信息来源",
                id("320312", "19400101", "001") + ",2024-12-05,死亡证明");
        assertEquals(BatchStatus.accepted, landing.ingest(new Upload("death", "2024-12", "health:320300", "t", "d.csv",
                death)).status());
    }

    @Test
    void oversizedAndUnreadableFilesAreRefusedAndArchived() throws Exception {
        Fixtures.landRegions(landing, dir);
        Landing small = new Landing(home, Fixtures.options().withMaxUploadBytes(100));
        BatchReport tooLarge = small.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a.csv",
                households("a.csv", 5, 0)));
        assertEquals(Rules.FILE_TOO_LARGE, tooLarge.fatal().rule());
        Manifest m = landing.catalog().find(tooLarge.batchId()).orElseThrow();
        assertNull(m.storedFile());
        assertEquals(64, m.sha256().length());

        Path garbage = dir.resolve("garbage.xlsx");
        Files.write(garbage, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 0, 0, 0, 9, 9, 9});
        BatchReport unreadable = household(garbage);
        assertEquals(BatchStatus.refused, unreadable.status());
        assertEquals(Rules.FILE_UNREADABLE, unreadable.fatal().rule());
        Manifest u = landing.catalog().find(unreadable.batchId()).orElseThrow();
        assertEquals("original.xlsx", u.storedFile());
        assertTrue(Files.exists(landing.catalog().batchDirectory(u).resolve("original.xlsx")));
    }

    @Test
    void reportKeepsTheFirstThousandRejectionsAndTheFileKeepsAll() throws Exception {
        Fixtures.landRegions(landing, dir);
        Landing lenient = new Landing(home, Fixtures.options().withRejectThreshold(1.0));
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < 1500; i++) {
            lines.add("bad" + i + ",某人,男,1940-01-01,320312001001,,正常,");
        }
        BatchReport report = lenient.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a.csv",
                Fixtures.utf8(dir, "many.csv", lines.toArray(String[]::new))));
        assertEquals(BatchReport.REPORTED_REJECTIONS, report.rejections().size());
        assertEquals(1500, report.rejectionsTotal());
        assertEquals(1500, report.rowsQuarantined());
        Manifest m = lenient.catalog().find(report.batchId()).orElseThrow();
        long[] count = {0};
        lenient.catalog().rejections(m, r -> count[0]++);
        assertEquals(1500, count[0]);
    }

    @Test
    void eventsAllOutsideThePeriodRefuseTheFile() throws Exception {
        Path death = Fixtures.utf8(dir, "d.csv", "公民身份号码,死亡日期,信息来源",
                id("320312", "19400101", "001") + ",2024-11-05,死亡证明",
                id("320312", "19400101", "003") + ",2024-11-06,火化记录");
        BatchReport report = landing.ingest(new Upload("death", "2024-12", "health:320300", "t", "d.csv", death));
        assertEquals(BatchStatus.refused, report.status());
        assertEquals(new Fatal(Rules.OUT_OF_PERIOD, report.fatal().message()), report.fatal());
        assertTrue(report.fatal().message().startsWith("文件中的数据期间与所选报送期间不一致"));
        assertEquals(List.of("2:death_date:OUT_OF_PERIOD", "3:death_date:OUT_OF_PERIOD"), findings(report));
    }

    @Test
    void manifestHasTheDesignedShape() throws Exception {
        Fixtures.landRegions(landing, dir);
        BatchReport report = household(households("a.csv", 2, 0));
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        Path file = landing.catalog().batchDirectory(m).resolve("manifest.json");
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("batch_id", "feed", "period", "unit", "user", "status", "supersedes", "sha256",
                "original_name", "stored_file", "format", "encoding", "received_at", "rows_read", "rows_loaded",
                "rows_quarantined", "footer_rows", "warnings", "fatal", "contract_version", "restores"), names);
        // 2025-01-15 10:00 Shanghai; the region batch landed first in the same (fixed) millisecond of another folder
        assertTrue(report.batchId().matches("20250115T100000000-[0-9a-f]{8}"), report.batchId());
        assertEquals("2025-01-15T10:00:00.000+08:00", m.receivedAt());
        assertEquals(report.batchId().substring(19), m.sha256().substring(0, 8));
        assertEquals(Map.of("rows_read", 2, "rows_loaded", 2), Map.of("rows_read", node.get("rows_read").asInt(),
                "rows_loaded", node.get("rows_loaded").asInt()));
        assertFalse(m.sha256().isEmpty());
        assertNotEquals(null, m.receivedAt());
    }
}
