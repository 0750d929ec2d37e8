package cn.yinling.dashboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the report's font: the environment variable, the Debian search path, and clear refusals. */
class ReportFontTest {

    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    @Test
    void withoutTheVariableTheFirstInstalledFontOfTheSearchPathIsTaken() {
        Path expected = ReportFont.SEARCH_PATH.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError("run-tests installs fonts-wqy-microhei"));

        ReportFont font = ReportFont.locate(Map.of());

        assertEquals(expected, font.file());
        try (ReportFont.Loaded loaded = font.open()) {
            assertEquals("", loaded.missingCharacters("徐州市老年人口信息和老龄事业发展状况报告（2024年）达标≥≤—％"));
        }
        assertEquals(-1, font.awt(12).canDisplayUpTo("鼓楼区老龄化率"));
    }

    @Test
    void theVariableNamesTheFont() {
        Path installed = ReportFont.SEARCH_PATH.stream().filter(Files::isRegularFile).reduce((a, b) -> b).orElseThrow();

        ReportFont font = ReportFont.locate(Map.of(ReportFont.ENVIRONMENT_VARIABLE, installed.toString()));

        assertEquals(installed, font.file());
    }

    @Test
    void aCffFontIsRefusedBecausePdfboxCannotEmbedIt() {
        Assumptions.assumeTrue(Files.isRegularFile(NOTO_CJK), "fonts-noto-cjk is not installed");

        ReportFontException refused = assertThrows(ReportFontException.class,
                () -> ReportFont.locate(Map.of(ReportFont.ENVIRONMENT_VARIABLE, NOTO_CJK.toString())));

        assertTrue(refused.getMessage().contains("CFF 轮廓"), refused.getMessage());
        assertTrue(refused.getMessage().contains("fonts-wqy-microhei"), refused.getMessage());
    }

    @Test
    void aMissingFileOrAFontWithoutChineseIsRefusedInChinese(@TempDir Path dir) {
        ReportFontException missing = assertThrows(ReportFontException.class,
                () -> ReportFont.locate(Map.of(ReportFont.ENVIRONMENT_VARIABLE, dir.resolve("none.ttf").toString())));
        assertTrue(missing.getMessage().startsWith("环境变量 AGING_REPORT_FONT 指向的字体文件不存在"), missing.getMessage());

        Path latinOnly = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assumptions.assumeTrue(Files.isRegularFile(latinOnly), "fonts-dejavu-core is not installed");
        ReportFontException noChinese = assertThrows(ReportFontException.class,
                () -> ReportFont.locate(Map.of(ReportFont.ENVIRONMENT_VARIABLE, latinOnly.toString())));
        assertTrue(noChinese.getMessage().contains("缺少中文字形"), noChinese.getMessage());
    }
}
