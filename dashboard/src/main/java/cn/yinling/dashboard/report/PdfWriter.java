package cn.yinling.dashboard.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Sets a {@link ReportDocument} as an A4 PDF with PDFBox: the report font embedded as a subset (Type 0,
 * Identity-H, with a ToUnicode map so the text can be searched and copied), Chinese line breaking, tables that
 * continue on the next page under a repeated header, charts as images, page numbers.
 */
final class PdfWriter {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_X = 64;
    private static final float MARGIN_TOP = 72;
    private static final float MARGIN_BOTTOM = 64;
    private static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    private static final float BODY = 11;
    private static final float TABLE = 8.5f;
    private static final float NOTE = 8.5f;
    private static final float CELL_PADDING = 3;
    private static final Color RULE = new Color(0x888888);
    private static final Color HEADER_FILL = new Color(0xE8E8E8);
    private static final Color GREY_TEXT = new Color(0x555555);
    /** Characters that must not begin a line (Chinese line-breaking rules): they stay with the one before. */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’%％…·—),;:";
    /** Characters that must not end a line: they go with the one after. */
    private static final String NO_LINE_END = "（《「『“‘(";

    private final PDDocument pdf = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    private PdfWriter(ReportFont.Loaded loaded) throws IOException {
        this.font = PDType0Font.load(pdf, loaded.trueType(), true);
    }

    /** Every character the document sets must have a glyph: fail with the characters rather than draw boxes. */
    private static void checkCoverage(ReportDocument document, ReportFont.Loaded font) {
        StringBuilder all = new StringBuilder(document.title());
        document.coverLines().forEach(all::append);
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                all.append(h.text());
            } else if (block instanceof ReportDocument.Paragraph p) {
                all.append(p.text());
            } else if (block instanceof ReportDocument.Note n) {
                all.append(n.text());
            } else if (block instanceof ReportDocument.Table t) {
                all.append(t.caption());
                t.headers().forEach(all::append);
                t.rows().forEach(row -> row.forEach(all::append));
            } else if (block instanceof ReportDocument.Chart c) {
                all.append(c.caption());
            }
        }
        String missing = font.missingCharacters(all.toString());
        if (!missing.isEmpty()) {
            throw new ReportFontException("报告字体没有这些字符的字形：" + missing + "（PDF 中会显示为方框）。请让 "
                    + ReportFont.ENVIRONMENT_VARIABLE + " 指向覆盖这些字符的 TrueType 中文字体。");
        }
    }

    /** The PDF of {@code document}, set in the given font (which must stay open until this returns). */
    static byte[] write(ReportDocument document, ReportFont.Loaded font) {
        checkCoverage(document, font);
        try {
            PdfWriter writer = new PdfWriter(font);
            try {
                return writer.render(document);
            } finally {
                writer.pdf.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report PDF", e);
        }
    }

    private byte[] render(ReportDocument document) throws IOException {
        info(document.metadata());
        cover(document);
        newPage();
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                heading(h);
            } else if (block instanceof ReportDocument.Paragraph p) {
                paragraph(p.text(), BODY, 2 * BODY, Color.BLACK, 1.75f);
            } else if (block instanceof ReportDocument.Note n) {
                paragraph(n.text(), NOTE, 0, GREY_TEXT, 1.5f);
            } else if (block instanceof ReportDocument.Table t) {
                table(t);
            } else if (block instanceof ReportDocument.Chart c) {
                chart(c);
            }
        }
        closeContent();
        pageNumbers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    private void info(ReportDocument.Metadata metadata) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(metadata.title());
        info.setAuthor(metadata.author());
        info.setSubject(metadata.subject());
        info.setKeywords(metadata.keywords());
        info.setCreator("银龄数仓");
        info.setCreationDate(Calendar.getInstance());
    }

    private void cover(ReportDocument document) throws IOException {
        newPage();
        y = PAGE.getHeight() - 250;
        for (String line : wrap(document.title(), 21, CONTENT_WIDTH, 0)) {
            centered(line, 21, Color.BLACK);
            y -= 21 * 1.6f;
        }
        y -= 120;
        for (String line : document.coverLines()) {
            centered(line, 13, Color.BLACK);
            y -= 13 * 2.1f;
        }
    }

    private void heading(ReportDocument.Heading h) throws IOException {
        float size = h.level() == 1 ? 15 : 12.5f;
        float before = h.level() == 1 ? 18 : 10;
        // A heading never sits alone at the bottom of a page.
        ensure(before + size * 1.6f + BODY * 4);
        y -= before;
        for (String line : wrap(h.text(), size, CONTENT_WIDTH, 0)) {
            y -= size;
            text(line, MARGIN_X, y, size, Color.BLACK);
            y -= size * 0.6f;
        }
        y -= 4;
    }

    private void paragraph(String text, float size, float indent, Color color, float leading) throws IOException {
        List<String> lines = wrap(text, size, CONTENT_WIDTH, indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(size * leading);
            y -= size * leading;
            text(lines.get(i), MARGIN_X + (i == 0 ? indent : 0), y + size * (leading - 1) / 2, size, color);
        }
        y -= size * 0.5f;
    }

    private void table(ReportDocument.Table t) throws IOException {
        int columns = t.headers().size();
        float[] widths = new float[columns];
        double total = 0;
        for (double w : t.widths()) {
            total += w;
        }
        for (int i = 0; i < columns; i++) {
            widths[i] = (float) (t.widths()[i] / total * CONTENT_WIDTH);
        }
        float leading = TABLE * 1.45f;
        List<List<String>> header = cellLines(t.headers(), widths);
        float headerHeight = rowHeight(header, leading);
        // The caption stays with the header and the first row.
        List<List<String>> first = t.rows().isEmpty() ? List.of() : cellLines(t.rows().get(0), widths);
        ensure(BODY * 2.2f + headerHeight + rowHeight(first, leading));
        y -= BODY * 1.6f;
        centered(t.caption(), 10.5f, Color.BLACK);
        y -= BODY * 0.6f;
        drawRow(header, widths, headerHeight, leading, true, null);
        for (List<String> row : t.rows()) {
            List<List<String>> lines = cellLines(row, widths);
            float height = rowHeight(lines, leading);
            if (y - height < MARGIN_BOTTOM) {
                newPage();
                drawRow(header, widths, headerHeight, leading, true, null);
            }
            drawRow(lines, widths, height, leading, false, t.numeric());
        }
        y -= BODY * 0.8f;
    }

    private List<List<String>> cellLines(List<String> cells, float[] widths) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            lines.add(wrap(cells.get(i) == null ? "" : cells.get(i), TABLE, widths[i] - 2 * CELL_PADDING, 0));
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> lines, float leading) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, most) * leading + 2 * CELL_PADDING;
    }

    private void drawRow(List<List<String>> lines, float[] widths, float height, float leading, boolean header,
            boolean[] numeric) throws IOException {
        float x = MARGIN_X;
        float top = y;
        if (header) {
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(MARGIN_X, top - height, CONTENT_WIDTH, height);
            content.fill();
        }
        content.setStrokingColor(RULE);
        content.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            content.addRect(x, top - height, widths[i], height);
            content.stroke();
            float lineY = top - CELL_PADDING - TABLE;
            for (String line : lines.get(i)) {
                float textX;
                if (header) {
                    textX = x + (widths[i] - width(line, TABLE)) / 2;
                } else if (numeric != null && numeric[i]) {
                    textX = x + widths[i] - CELL_PADDING - width(line, TABLE);
                } else {
                    textX = x + CELL_PADDING;
                }
                text(line, textX, lineY, TABLE, Color.BLACK);
                lineY -= leading;
            }
            x += widths[i];
        }
        y -= height;
    }

    private void chart(ReportDocument.Chart c) throws IOException {
        float width = Math.min(c.width(), CONTENT_WIDTH);
        float height = c.height() * width / c.width();
        ensure(height + BODY * 3);
        y -= 6 + height;
        PDImageXObject image = PDImageXObject.createFromByteArray(pdf, c.png(), "chart");
        content.drawImage(image, MARGIN_X + (CONTENT_WIDTH - width) / 2, y, width, height);
        y -= BODY * 1.5f;
        centered(c.caption(), 10, Color.BLACK);
        y -= BODY;
    }

    private void pageNumbers() throws IOException {
        int pages = pdf.getNumberOfPages();
        for (int i = 1; i < pages; i++) {
            PDPage numbered = pdf.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(pdf, numbered,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = "— " + i + " —";
                footer.beginText();
                footer.setFont(font, 9);
                footer.setNonStrokingColor(GREY_TEXT);
                footer.newLineAtOffset((PAGE.getWidth() - width(label, 9)) / 2, MARGIN_BOTTOM / 2);
                footer.showText(label);
                footer.endText();
            }
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        closeContent();
        PDPage page = new PDPage(PAGE);
        pdf.addPage(page);
        content = new PDPageContentStream(pdf, page);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void centered(String line, float size, Color color) throws IOException {
        text(line, (PAGE.getWidth() - width(line, size)) / 2, y, size, color);
    }

    private void text(String line, float x, float baseline, float size, Color color) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Breaks text into lines no wider than {@code width} (the first narrower by {@code indent}): between any two
     * Chinese characters, at spaces, never inside a run of Latin letters and digits (1010, 24.00%), never before a
     * closing or after an opening punctuation mark.
     */
    List<String> wrap(String text, float size, float width, float indent) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float available = width - (lines.isEmpty() ? indent : 0);
            for (String token : tokens(paragraph)) {
                String candidate = line + token;
                if (line.length() > 0 && width(candidate, size) > available) {
                    lines.add(line.toString().stripTrailing());
                    line = new StringBuilder(token.stripLeading());
                    available = width;
                } else {
                    line.append(token);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int[] points = text.codePoints().toArray();
        int i = 0;
        while (i < points.length) {
            StringBuilder token = new StringBuilder();
            while (i < points.length && NO_LINE_END.indexOf(points[i]) >= 0) {
                token.appendCodePoint(points[i++]);
            }
            if (i < points.length && isWordChar(points[i])) {
                while (i < points.length && isWordChar(points[i])) {
                    token.appendCodePoint(points[i++]);
                }
            } else if (i < points.length) {
                token.appendCodePoint(points[i++]);
            }
            while (i < points.length && NO_LINE_START.indexOf(points[i]) >= 0) {
                token.appendCodePoint(points[i++]);
            }
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static boolean isWordChar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '%' || c == '+' || c == '-' || c == '_'
                || c == ':' || c == '/');
    }
}
