package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.MarkedFindingRow;
import cn.yinling.dashboard.audit.AuditFixture;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code aging audit} over the audit fixture: the csv of spec/cli.md, json, table, marks from the app store, exit codes. */
class AuditCommandTest {

    static final String HEADER = "rule,rule_name,month,person_key,order_id,region_code,region_name,amount,evidence,mark";

    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void csvHasTheColumnsOfTheSpecTwelveDigitRegionsAndTheCurrentMark() {
        new AuditFixture(cli.home()).firstVersion();
        AppStore store = AppStore.open(new AgingHome(cli.home()));
        MarkedFindingRow f1 = new MarkedFindingRow("f1", "A01", "2024-12", "p-zhang", null, "320302001001", "800.00",
                "死亡日期2024-11-20(死亡证明)；发放年月2024-12", 1);
        store.auditMarks().mark(f1, "false_alarm", "先标误报", "planner1", 1L);
        store.auditMarks().mark(f1, "confirmed", "复核属实", "planner1", 2L);

        assertEquals(0, cli.run("audit", "--month", "2024-12", "--rule", "A01", "--format", "csv"));
        assertEquals(List.of(HEADER,
                "A01,身故后仍发放补贴,2024-12,p-unknown,,320300000000,徐州市,500.00,死亡日期2024-09-30(死亡证明)；发放年月2024-12,",
                "A01,身故后仍发放补贴,2024-12,p-zhang,,320302001001,黄楼社区居委会,800.00,死亡日期2024-11-20(死亡证明)；发放年月2024-12,核实属实",
                "A01,身故后仍发放补贴,2024-12,p-ouyang,,320302001002,民主社区居委会,1200.00,死亡日期2024-10-05(户籍状态死亡)；发放年月2024-12,"),
                cli.outLines());

        assertEquals(0, cli.run("audit", "--rule", "a09", "--format", "csv"));
        assertEquals(List.of(HEADER, "A09,服务时长异常,2024-12,p-zhang,O-1001,320302002000,丰财街道,30.00,"
                + "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"服务时长4分钟\"\")\","), cli.outLines(),
                "formula-like evidence neutralised, quoted because of its comma");

        assertEquals(0, cli.run("audit", "--region", "320302001", "--format", "csv"));
        assertEquals(List.of("f1 p-zhang", "f2 p-ouyang", "f5 p-ouyang"), rows(cli.outLines()),
                "a 9-digit street code is padded and selects its communities");
    }

    /** finding ids are not in the csv: name the rows by rule, month and person. */
    private static List<String> rows(List<String> csv) {
        List<String> rows = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            String id = switch (cells[0] + " " + cells[2] + " " + cells[3]) {
                case "A01 2024-12 p-zhang" -> "f1";
                case "A01 2024-12 p-ouyang" -> "f2";
                case "A05 2024-11 p-ouyang" -> "f5";
                case "A09 2024-12 p-zhang" -> "f4";
                case "A01 2024-12 p-unknown" -> "f6";
                default -> "?";
            };
            rows.add(id + " " + cells[3]);
        }
        return rows;
    }

    @Test
    void jsonAndTableListEveryFindingOfTheVersion() throws Exception {
        new AuditFixture(cli.home()).firstVersion();

        assertEquals(0, cli.run("audit", "--format", "json"));
        JsonNode findings = new ObjectMapper().readTree(cli.out());
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.get("finding_id").asText()));
        assertEquals(List.of("f6", "f1", "f2", "f5", "f4"), ids, "by rule, month, region");
        JsonNode f1 = findings.get(1);
        assertEquals("community", f1.get("region_level").asText());
        assertEquals(800.00, f1.get("amount").asDouble(), 1e-9);
        assertEquals("2024-11-20", f1.at("/evidence_json/death_date").asText());
        assertTrue(f1.get("mark").isNull());

        assertEquals(0, cli.run("audit", "--month", "2024-11"));
        String table = cli.out();
        assertTrue(table.contains("重复发放") && table.contains("600.00") && table.contains("共 1 条。"), table);
    }

    @Test
    void refusedInputExitsTwoWithAChineseMessage() {
        new AuditFixture(cli.home()).firstVersion();

        assertEquals(2, cli.run("audit", "--rule", "A99"));
        assertTrue(cli.err().contains("未知稽核规则：A99"), cli.err());
        assertEquals(2, cli.run("audit", "--month", "2023-01"));
        assertTrue(cli.err().contains("数据版本 1 中没有 2023-01 的数据，可选月份为 2024-11 至 2024-12"), cli.err());
        assertEquals(2, cli.run("audit", "--month", "2024/12"));
        assertTrue(cli.err().contains("月份格式应为 YYYY-MM"), cli.err());
        assertEquals(2, cli.run("audit", "--region", "320399"));
        assertTrue(cli.err().contains("当前数据版本中没有区划代码 320399000000"), cli.err());
        assertEquals(2, cli.run("audit", "--region", "3203"));
        assertEquals(2, cli.run("audit", "--format", "xml"));
    }

    @Test
    void withoutAVersionItExitsOneAndAVersionWithoutAuditSaysSo() {
        assertEquals(1, cli.run("audit", "--format", "csv"));
        assertTrue(cli.err().contains("尚未发布数仓版本"), cli.err());

        new AuditFixture(cli.home()).publish(1, AuditFixture.WITHOUT_AUDIT);
        assertEquals(0, cli.run("audit", "--format", "csv"));
        assertEquals(List.of(HEADER), cli.outLines());
        assertTrue(cli.err().contains("本版本尚无稽核结果"), cli.err());
    }
}
