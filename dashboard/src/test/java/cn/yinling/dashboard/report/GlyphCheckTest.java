package cn.yinling.dashboard.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** The glyph checks can fail: a font that is not embedded, a chart label the font cannot draw. */
class GlyphCheckTest {

    @Test
    void textInAFontThatIsNotEmbeddedIsReported() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Report 2024");
                content.endText();
            }
            pdf.save(out);
        }

        List<String> problems = ReportFiles.glyphProblems(out.toByteArray(), ReportFont.locate(Map.of()));

        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.contains("is not embedded")), problems.toString());
    }

    @Test
    void textTheFontCannotSetFailsThePdfInsteadOfShowingABox() {
        ReportDocument document = new ReportDocument("测试报告", List.of("数据版本：第 1 版"),
                List.of(new ReportDocument.Paragraph("鼓楼区\uD83D\uDE00老年人口")),
                new ReportDocument.Metadata("测试报告", "测试", "测试", "测试"));

        try (ReportFont.Loaded font = ReportFont.locate(Map.of()).open()) {
            ReportFontException refused = assertThrows(ReportFontException.class, () -> PdfWriter.write(document, font));
            assertTrue(refused.getMessage().startsWith("报告字体没有这些字符的字形：\uD83D\uDE00"), refused.getMessage());
        }
    }

    @Test
    void aChartLabelTheFontCannotDrawFailsTheReportInsteadOfShowingABox() {
        ChartRenderer charts = new ChartRenderer(ReportFont.locate(Map.of()));

        // U+1F600 (an emoji) is in no Chinese font of the search path.
        ReportFontException refused = assertThrows(ReportFontException.class,
                () -> charts.bars("图1  测试", "单位：人", List.of("鼓楼区\uD83D\uDE00"), List.of(1.0), null, null));

        assertTrue(refused.getMessage().contains("图中会显示为方框"), refused.getMessage());
    }
}
