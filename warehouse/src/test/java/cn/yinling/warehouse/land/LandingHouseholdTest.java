package cn.yinling.warehouse.land;

import static cn.yinling.warehouse.land.Fixtures.badCheck;
import static cn.yinling.warehouse.land.Fixtures.findings;
import static cn.yinling.warehouse.land.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Household feed: every generic rule and the household rules, in CSV (UTF-8, GB18030) and XLSX. */
class LandingHouseholdTest {

    @TempDir
    Path dir;
    AgingHome home;
    Landing landing;

    @BeforeEach
    void setUp() throws Exception {
        home = new AgingHome(dir.resolve("home"));
        landing = new Landing(home, Fixtures.options().withRejectThreshold(1.0));
        Fixtures.landRegions(landing, dir);
    }

    /** An ID whose check character is X (lower-cased in the file to check it is upper-cased on landing). */
    static String idEndingInX(String area, String birth) {
        for (int seq = 1; seq < 999; seq += 2) {
            String id = id(area, birth, String.format("%03d", seq));
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void everyHouseholdRuleIsReportedWithRowColumnAndRule() throws Exception {
        String a = idEndingInX("320312", "19400101");
        String b15 = "320312450315002";
        String b18 = id("320312", "19450315", "002");
        Path file = Fixtures.utf8(dir, "hh.csv",
                "徐州市铜山区2024年12月户籍人口明细表",
                "填报单位：铜山区公安分局,,,",
                "",
                "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期,备用列",
                a.toLowerCase() + ",张三,男,1940-01-01,320312001001,H001,正常,,x",
                b15 + ",李四,女,1945/3/15,320312001002,H002,死亡,2024-12-03,",
                id("320312", "19400505", "003") + ",,男,1940-05-05,320312001001,,正常,,",
                badCheck(id("320312", "19500101", "005")) + ",王五,男,1950-01-01,320312001001,,正常,,",
                "12345,赵六,男,1950-01-01,320312001001,,正常,,",
                id("320312", "19520202", "007") + ",钱七,女,1952-02-03,320312001001,,正常,,",
                id("320312", "19530303", "009") + ",孙八,男,1953-03-03,320312001001,,迁出,,",
                id("320312", "19540404", "011") + ",周九,男,1954-04-04,320312001001,,失踪,,",
                id("320312", "19550505", "013") + ",吴十,男,1955-05-05,320312001099,,正常,,",
                id("320312", "19560606", "015") + ",郑一,男,1956-06-06,320312,,正常,,",
                id("320312", "19570707", "017") + ",冯二,男,1957-07-07,320311001001,,正常,,",
                a + ",张三,男,1940-01-01,320312001001,H001,正常,,",
                id("320312", "19580808", "019") + ",陈三,男,abc,320312001001,,正常,,",
                ",,,,,,,,",
                "合计：13人,,,",
                "制表人：王某,审核人：李某");

        BatchReport report = landing.ingest(new Upload("household", "2024-12", "public_security:320312", "tester",
                "户籍人口202412.csv", file));

        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        assertEquals(List.of(
                "4:备用列:EXTRA_COLUMN",
                "7:name:REQUIRED",
                "8:id_number:ID_CHECKSUM",
                "9:id_number:ID_FORMAT",
                "10:sex:SEX_MISMATCH",
                "10:birth_date:BIRTH_MISMATCH",
                "11:status_date:STATUS_DATE_REQUIRED",
                "12:status:CODE_UNKNOWN",
                "13:region_code:REGION_UNKNOWN",
                "14:region_code:REGION_UNKNOWN",
                "15:region_code:OUT_OF_SCOPE",
                "16:id_number:DUPLICATE_KEY",
                "17:birth_date:TYPE_FORMAT"), findings(report));
        assertEquals(13, report.rowsRead());
        assertEquals(2, report.rowsLoaded());
        assertEquals(11, report.rowsQuarantined());
        assertEquals(2, report.footerRows());
        assertEquals(13, report.rejectionsTotal());
        assertNull(report.fatal());
        assertNull(report.supersedes());

        Rejection duplicate = report.rejections().get(11);
        assertTrue(duplicate.message().contains("第5行"), duplicate.message());
        assertEquals(Severity.error, duplicate.severity());
        Rejection extra = report.rejections().get(0);
        assertEquals(Severity.warning, extra.severity());
        Rejection required = report.rejections().get(1);
        assertTrue(required.message().contains("姓名"), required.message());
        assertTrue(report.rejections().get(5).message().contains("出生日期"));
        assertTrue(report.rejections().get(9).message().contains("户籍地区划代码"));

        LandingCatalog catalog = landing.catalog();
        Manifest manifest = catalog.inForce("household", "2024-12", "public_security:320312").orElseThrow();
        assertEquals(report.batchId(), manifest.batchId());
        assertEquals(1, manifest.warnings());
        assertEquals("csv", manifest.format());
        assertEquals("UTF-8", manifest.encoding());
        assertEquals("original.csv", manifest.storedFile());
        assertEquals("户籍人口202412.csv", manifest.originalName());
        assertEquals("tester", manifest.user());
        Path batch = catalog.batchDirectory(manifest);
        assertTrue(batch.toString().endsWith("household/2024-12/public_security-320312/" + report.batchId()));
        assertTrue(Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(batch.resolve("original.csv"))));
        assertEquals(List.of("accepted.parquet", "manifest.json", "original.csv", "rejections.csv"),
                Files.list(batch).map(p -> p.getFileName().toString()).sorted().toList());
        // no temporary folder or staging file left next to the batch
        assertEquals(List.of(report.batchId()), Files.list(batch.getParent()).map(p -> p.getFileName().toString())
                .toList());

        Path parquet = batch.resolve("accepted.parquet");
        assertEquals(Map.of("_row", "INTEGER", "id_number", "VARCHAR", "name", "VARCHAR", "sex", "VARCHAR",
                "birth_date", "DATE", "region_code", "VARCHAR", "household_id", "VARCHAR", "status", "VARCHAR",
                "status_date", "DATE"), Fixtures.parquetTypes(parquet));
        assertEquals(List.of("_row", "id_number", "name", "sex", "birth_date", "region_code", "household_id", "status",
                "status_date"), List.copyOf(Fixtures.parquetTypes(parquet).keySet()));
        assertEquals(List.of(
                        Arrays.asList("5", a, "张三", "M", "1940-01-01", "320312001001", "H001", "active", null),
                        Arrays.asList("6", b18, "李四", "F", "1945-03-15", "320312001002", "H002", "deceased", "2024-12-03")),
                Fixtures.rows(parquet, "SELECT * FROM t ORDER BY _row"));
        assertTrue(a.endsWith("X"));
    }

    @Test
    void rejectionsCsvHasBomAllFindingsAndNeutralisedFormulas() throws Exception {
        Path file = Fixtures.utf8(dir, "hh.csv",
                "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期",
                "=1+2,赵六,男,1950-01-01,320312001001,,正常,",
                id("320312", "19400101", "001") + ",\"张,三\",男,1940-01-01,320312001001,,正常,");
        BatchReport report = landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a.csv",
                file));
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        byte[] bytes = Files.readAllBytes(landing.catalog().batchDirectory(m).resolve("rejections.csv"));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertEquals("row,column,value,rule,severity,message", lines[0]);
        assertTrue(lines[1].startsWith("2,id_number,'=1+2,ID_FORMAT,error,"), lines[1]);
        assertEquals(2, lines.length);
        // read back through the catalog: the apostrophe is gone again
        assertEquals("=1+2", landing.catalog().report(m).rejections().get(0).value());
        assertEquals(List.of(List.of("张,三")), Fixtures.rows(landing.catalog().acceptedParquet(m).orElseThrow(),
                "SELECT name FROM t"));
    }

    @Test
    void gb18030CsvIsDecodedWithoutGarbling() throws Exception {
        String content = String.join("\r\n",
                "户籍人口明细表（2024年12月）",
                "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期",
                id("320312", "19400101", "001") + ",张三丰,男,1940-01-01,320312001001,铜山一组,正常,",
                id("320312", "19410202", "002") + ",欧阳娜娜,女,1941年2月2日,320312001002,,注销,2024年12月1日",
                "");
        Path file = Fixtures.write(dir, "gbk.csv", content, Charset.forName("GB18030"));
        BatchReport report = landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t",
                "gbk.csv", file));
        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        assertEquals(List.of(), findings(report));
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        assertEquals("GB18030", m.encoding());
        assertEquals(List.of(List.of("3", "张三丰", "铜山一组", "active", ""),
                        List.of("4", "欧阳娜娜", "", "cancelled", "2024-12-01")),
                Fixtures.rows(landing.catalog().acceptedParquet(m).orElseThrow(), "SELECT _row, name,"
                        + " coalesce(household_id, ''), status, coalesce(CAST(status_date AS VARCHAR), '') FROM t ORDER BY _row"));
    }

    @Test
    void xlsxWithTitleAndFooterRowsUsesExcelRowNumbers() throws Exception {
        Path file = dir.resolve("hh.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("户籍人口");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            sheet.createRow(0).createCell(0).setCellValue("徐州市2024年12月户籍人口明细表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
            sheet.createRow(1).createCell(0).setCellValue("填报单位：徐州市公安局");
            String[] header = {"公民身份号码", "姓名", "性别", "出生日期", "户籍地区划代码", "户号", "户籍状态", "变动日期"};
            Row h = sheet.createRow(3);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r1 = sheet.createRow(4);
            r1.createCell(0).setCellValue(id("320312", "19400101", "001"));
            r1.createCell(1).setCellValue("张三");
            r1.createCell(2).setCellValue("1");
            r1.createCell(3).setCellValue(java.time.LocalDate.of(1940, 1, 1));
            r1.getCell(3).setCellStyle(dateStyle);
            r1.createCell(4).setCellValue("320312001001");
            r1.createCell(6).setCellValue("正常");
            Row r2 = sheet.createRow(5);
            r2.createCell(0).setCellValue(id("320312", "19410101", "003"));
            r2.createCell(1).setCellValue("李四");
            r2.createCell(2).setCellValue("女");
            r2.createCell(3).setCellValue(java.time.LocalDate.of(1941, 1, 1));
            r2.getCell(3).setCellStyle(dateStyle);
            r2.createCell(4).setCellValue("320312001001");
            r2.createCell(6).setCellValue("正常");
            sheet.createRow(7).createCell(0).setCellValue("合计");
            sheet.createRow(8).createCell(1).setCellValue("审核：张科长");
            wb.write(out);
        }
        BatchReport report = landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t",
                "户籍.xlsx", file));
        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        assertEquals(List.of("6:sex:SEX_MISMATCH"), findings(report));
        assertEquals(2, report.rowsRead());
        assertEquals(1, report.rowsLoaded());
        assertEquals(2, report.footerRows());
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        assertEquals("xlsx", m.format());
        assertEquals("original.xlsx", m.storedFile());
        assertNull(m.encoding());
        assertEquals(List.of(List.of("5", "M", "1940-01-01")),
                Fixtures.rows(landing.catalog().acceptedParquet(m).orElseThrow(), "SELECT _row, sex, birth_date FROM t"));
    }

    @Test
    void headerFoundByEnglishKeysAndWidthVariants() throws Exception {
        Path file = Fixtures.utf8(dir, "hh.csv",
                "ID_Number, 姓　名 ,ＳＥＸ,*出生日期,region_code,户籍状态",
                id("320312", "19400101", "001") + ",张三,M,19400101,320312001001,正常");
        BatchReport report = landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a.csv",
                file));
        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        assertEquals(1, report.rowsLoaded());
        assertEquals(List.of(), findings(report));
    }

    @Test
    void reportJsonHasTheFieldsOfTheCliSpecInOrder() throws Exception {
        Path file = Fixtures.utf8(dir, "hh.csv",
                "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户籍状态",
                id("320312", "19400101", "001") + ",张三,女,1940-01-01,320312001001,正常");
        String json = landing.ingest(new Upload("household", "2024-12", "public_security:320300", "t", "a.csv", file))
                .toJson();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("batch_id", "feed", "period", "unit", "status", "supersedes", "rows_read", "rows_loaded",
                "rows_quarantined", "footer_rows", "fatal", "rejections", "rejections_total"), names);
        assertEquals("accepted", node.get("status").asText());
        assertTrue(node.get("fatal").isNull());
        assertTrue(node.get("supersedes").isNull());
        var rejection = node.get("rejections").get(0);
        List<String> rejectionFields = new java.util.ArrayList<>();
        rejection.fieldNames().forEachRemaining(rejectionFields::add);
        assertEquals(List.of("row", "column", "value", "rule", "severity", "message"), rejectionFields);
        assertEquals(2, rejection.get("row").asInt());
        assertEquals("SEX_MISMATCH", rejection.get("rule").asText());
        assertEquals("error", rejection.get("severity").asText());
        assertEquals("女", rejection.get("value").asText());
        assertEquals(BatchReport.fromJson(json).toJson(), json);
        assertFalse(json.contains("\"warnings\""));
    }
}
