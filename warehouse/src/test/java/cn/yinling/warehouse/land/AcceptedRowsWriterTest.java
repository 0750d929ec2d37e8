package cn.yinling.warehouse.land;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.parse.IdNumber;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedRowsWriterTest {

    @TempDir
    Path dir;

    /** Text that needs quoting, text that looks as if it might, and characters of one to four UTF-8 bytes. */
    private static final List<String> NAMES = List.of("王五", "Smith", "铜山区,汉王镇", "说\"好\"", "两\n行", "回车\r",
            "𠀀丂", "é ü", "\"", ",", "a\"\"b", "末尾,");

    @Test
    void textNumbersDatesAndNullsComeBackFromTheParquetAsWritten() throws Exception {
        List<ColumnSpec> columns = Contracts.get().feed("household").orElseThrow().columns();
        List<String> keys = columns.stream().map(ColumnSpec::key).toList();
        assertEquals(List.of("id_number", "name", "sex", "birth_date", "region_code", "household_id", "status",
                "status_date"), keys);
        Path parquet = dir.resolve("accepted.parquet");
        List<Object[]> written = new ArrayList<>();
        try (AcceptedRowsWriter writer = new AcceptedRowsWriter(columns, dir)) {
            for (int i = 0; i < NAMES.size(); i++) {
                LocalDate birth = LocalDate.of(1940 + 4 * i, 2, 28 + i % 2);
                Object[] values = {new IdNumber("32030219710113479" + i % 10, birth, "M"), NAMES.get(i),
                        i % 2 == 0 ? "M" : "F", birth, "320302001002", i % 3 == 0 ? null : "32000000" + i, "active",
                        i % 4 == 0 ? LocalDate.of(2024, 12, 31) : null};
                writer.write(i + 2, values);
                written.add(values);
            }
            writer.finishTo(parquet);
        }
        try (Handle handle = DuckDb.open()) {
            List<Map<String, Object>> rows = handle.createQuery("select * from read_parquet(:file) order by _row")
                    .bind("file", parquet.toString()).mapToMap().list();
            assertEquals(NAMES.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                Object[] values = written.get(i);
                assertEquals(i + 2, row.get("_row"));
                assertEquals(((IdNumber) values[0]).value(), row.get("id_number"));
                assertEquals(values[1], row.get("name"), "name of row " + i);
                assertEquals(values[2], row.get("sex"));
                assertEquals(values[3], row.get("birth_date"));
                assertEquals(values[4], row.get("region_code"));
                assertEquals(values[5], row.get("household_id"));
                assertEquals(values[6], row.get("status"));
                assertEquals(values[7], row.get("status_date"));
            }
        }
    }
}
