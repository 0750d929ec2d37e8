package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's yardstick reads a household CSV as sent (GB18030, a title above the header, a footer row); a rerun
 * of the ETL alone needs an earlier run's data.
 */
class BenchCommandTest {

    @RegisterExtension
    final CliRun cli = new CliRun();
    @TempDir
    Path dir;

    @Test
    void duckDbCopiesTheDataRowsOfAHouseholdFileWithTitleAndFooter() throws Exception {
        Path csv = dir.resolve("户籍人口_202411.csv");
        Files.writeString(csv, String.join("\r\n",
                "徐州市2024年11月户籍人口信息表",
                "填报单位：徐州市公安局",
                "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期",
                "32031219600228825X,王德,1,19600228,320312103215,320078313,正常,",
                "320302197011137770,周邦,1,19701113,320302001002,320000001,正常,",
                "合计,共2人", ""), Charset.forName("GB18030"));
        Path parquet = dir.resolve("household.parquet");

        BenchCommand.duckDbCsvToParquet(csv, parquet);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*), min(\"姓名\"), max(\"户号\") from read_parquet('"
                        + parquet.toString().replace("'", "''") + "')")) {
            rows.next();
            assertEquals(2, rows.getLong(1), "the two data rows, neither title nor footer");
            assertEquals("周邦", rows.getString(2));
            assertEquals("320078313", rows.getString(3));
        }
    }

    @Test
    void etlOnlyWithoutAnEarlierRunSaysWhatToRunFirst() {
        int exit = cli.run("bench", "--etl-only", "--work", dir.resolve("empty").toString());

        assertEquals(2, exit, cli.err());
        assertTrue(cli.err().contains("中没有上次生成并接收的数据"), cli.err());
        assertTrue(cli.err().contains("--no-etl"), cli.err());
        assertFalse(Files.exists(dir.resolve("empty")), "nothing is created or generated");
    }
}
