package cn.yinling.warehouse.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowSourceTest {

    @TempDir
    Path dir;

    private List<RawRow> read(byte[] content) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.write(file, content);
        List<RawRow> rows = new ArrayList<>();
        try (RowSource source = RowSources.open(file, Long.MAX_VALUE)) {
            RawRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<RawRow> read(String content, Charset charset) throws Exception {
        return read(content.getBytes(charset));
    }

    private static void assertRow(int line, List<String> cells, RawRow row) {
        assertEquals(line, row.rowNumber());
        assertArrayEquals(cells.toArray(new String[0]), row.cells());
    }

    @Test
    void plainQuotedAndDoubledQuotes() throws Exception {
        List<RawRow> rows = read("a,b,c\r\n\"x,1\",\"he said \"\"hi\"\"\",张三\r\n,,\n", StandardCharsets.UTF_8);
        assertEquals(3, rows.size());
        assertRow(1, List.of("a", "b", "c"), rows.get(0));
        assertRow(2, List.of("x,1", "he said \"hi\"", "张三"), rows.get(1));
        assertRow(3, List.of("", "", ""), rows.get(2));
    }

    @Test
    void lineBreaksInsideQuotesBecomeLfAndCountLines() throws Exception {
        // CR, CRLF and LF inside a quoted field are all returned as \n; the next row starts on line 5
        List<RawRow> rows = read("\"a\rb\r\nc\nd\",2\rnext,3", StandardCharsets.UTF_8);
        assertRow(1, List.of("a\nb\nc\nd", "2"), rows.get(0));
        assertRow(5, List.of("next", "3"), rows.get(1));
        assertEquals(2, rows.size());
    }

    @Test
    void textAfterClosingQuoteIsKeptAndQuoteInsidePlainFieldIsOrdinary() throws Exception {
        List<RawRow> rows = read("\"ab\"cd,e\"f\"g,\"\"\n", StandardCharsets.UTF_8);
        assertRow(1, List.of("abcd", "e\"f\"g", ""), rows.get(0));
    }

    @Test
    void blankLineIsOneEmptyCellAndTrailingCommaAtEofAddsAnEmptyField() throws Exception {
        List<RawRow> rows = read("a\n\nb,", StandardCharsets.UTF_8);
        assertRow(1, List.of("a"), rows.get(0));
        assertRow(2, List.of(""), rows.get(1));
        assertRow(3, List.of("b", ""), rows.get(2));
        assertEquals(3, rows.size());
    }

    @Test
    void quotedFieldEndingTheFile() throws Exception {
        List<RawRow> rows = read("a,\"b\"", StandardCharsets.UTF_8);
        assertRow(1, List.of("a", "b"), rows.get(0));
        assertEquals(1, rows.size());
    }

    @Test
    void utf8BomIsSkipped() throws Exception {
        byte[] body = "姓名,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        List<RawRow> rows = read(withBom);
        assertRow(1, List.of("姓名", "性别"), rows.get(0));
        assertRow(2, List.of("张三", "男"), rows.get(1));
    }

    @Test
    void gb18030IsDecoded() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "姓名,地址\n\"王五\",\"铜山区,汉王镇\"\n𠀀,丂\n".getBytes(Charset.forName("GB18030")));
        try (RowSource source = RowSources.open(file, Long.MAX_VALUE)) {
            assertEquals("GB18030", source.encoding());
            assertRow(1, List.of("姓名", "地址"), source.next());
            assertRow(2, List.of("王五", "铜山区,汉王镇"), source.next());
            assertRow(3, List.of("𠀀", "丂"), source.next());
            assertNull(source.next());
        }
    }

    @Test
    void fieldsLongerThanTheReadBufferAreWhole() throws Exception {
        String longChinese = "长".repeat(70_000); // 210,000 bytes: several buffers
        String longQuoted = "x,\"\n".repeat(30_000);
        String quotedCsv = longQuoted.replace("\"", "\"\"");
        List<RawRow> rows = read(longChinese + ",\"" + quotedCsv + "\"\r\nend\n", StandardCharsets.UTF_8);
        assertEquals(longChinese, rows.get(0).cell(0));
        assertEquals(longQuoted, rows.get(0).cell(1));
        assertRow(30_002, List.of("end"), rows.get(1));
    }

    @Test
    void unclosedQuoteIsUnreadable() throws Exception {
        assertThrows(FileUnreadableException.class, () -> read("a,\"b\nc\n", StandardCharsets.UTF_8));
    }

    @Test
    void hugeFieldIsUnreadable() throws Exception {
        assertThrows(FileUnreadableException.class,
                () -> read("a,\"" + "x".repeat(CsvRowSource.MAX_FIELD_CHARS + 10_000) + "\n", StandardCharsets.UTF_8));
        assertThrows(FileUnreadableException.class,
                () -> read("a," + "y".repeat(CsvRowSource.MAX_FIELD_CHARS + 70_000) + "\n", StandardCharsets.UTF_8));
    }

    @Test
    void aFieldOfManyChineseCharactersUnderTheCharLimitIsFine() throws Exception {
        // 400,000 characters, 1,200,000 bytes: the limit counts characters
        String big = "中".repeat(400_000);
        List<RawRow> rows = read("a," + big + "\n", StandardCharsets.UTF_8);
        assertEquals(big, rows.get(0).cell(1));
    }

    @Test
    void tooManyColumnsIsUnreadable() throws Exception {
        assertThrows(FileUnreadableException.class,
                () -> read(",".repeat(CsvRowSource.MAX_FIELDS + 1) + "\n", StandardCharsets.UTF_8));
    }
}
