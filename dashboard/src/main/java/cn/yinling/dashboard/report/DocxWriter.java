package cn.yinling.dashboard.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes a {@link ReportDocument} as a Word document with Apache POI: A4, 宋体 body and 黑体 headings (the fonts of
 * Chinese official documents; Word and WPS have them), headings with outline levels for the navigation pane,
 * tables with a shaded header, charts as PNG pictures.
 */
final class DocxWriter {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String BODY_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point, and 2.5 cm / 2.2 cm margins. */
    private static final long A4_WIDTH = 11906;
    private static final long A4_HEIGHT = 16838;
    private static final long MARGIN_Y = 1418;
    private static final long MARGIN_X = 1247;
    private static final int CONTENT_WIDTH_TWIPS = (int) (A4_WIDTH - 2 * MARGIN_X);

    private DocxWriter() {
    }

    static byte[] write(ReportDocument document) {
        try (XWPFDocument docx = new XWPFDocument()) {
            pageSetup(docx);
            properties(docx, document.metadata());
            cover(docx, document);
            for (ReportDocument.Block block : document.blocks()) {
                if (block instanceof ReportDocument.Heading h) {
                    heading(docx, h);
                } else if (block instanceof ReportDocument.Paragraph p) {
                    paragraph(docx, p.text());
                } else if (block instanceof ReportDocument.Note n) {
                    note(docx, n.text());
                } else if (block instanceof ReportDocument.Table t) {
                    table(docx, t);
                } else if (block instanceof ReportDocument.Chart c) {
                    chart(docx, c);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            docx.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException(new IOException("cannot write the report DOCX", e));
        }
    }

    private static void pageSetup(XWPFDocument docx) {
        CTSectPr section = docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_Y));
        margins.setBottom(BigInteger.valueOf(MARGIN_Y));
        margins.setLeft(BigInteger.valueOf(MARGIN_X));
        margins.setRight(BigInteger.valueOf(MARGIN_X));
    }

    private static void properties(XWPFDocument docx, ReportDocument.Metadata metadata) {
        POIXMLProperties.CoreProperties core = docx.getProperties().getCoreProperties();
        core.setTitle(metadata.title());
        core.setCreator(metadata.author());
        core.setSubjectProperty(metadata.subject());
        core.setKeywords(metadata.keywords());
    }

    private static void cover(XWPFDocument docx, ReportDocument document) {
        for (int i = 0; i < 6; i++) {
            docx.createParagraph();
        }
        XWPFParagraph title = docx.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(2400);
        run(title, document.title(), 22, true, HEADING_FONT);
        for (String line : document.coverLines()) {
            XWPFParagraph p = docx.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setSpacingAfter(240);
            run(p, line, 14, false, BODY_FONT);
        }
        docx.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private static void heading(XWPFDocument docx, ReportDocument.Heading h) {
        XWPFParagraph p = docx.createParagraph();
        p.setSpacingBefore(h.level() == 1 ? 360 : 200);
        p.setSpacingAfter(160);
        p.setKeepNext(true);
        (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewOutlineLvl()
                .setVal(BigInteger.valueOf(h.level() - 1));
        run(p, h.text(), h.level() == 1 ? 16 : 14, true, HEADING_FONT);
    }

    private static void paragraph(XWPFDocument docx, String text) {
        XWPFParagraph p = docx.createParagraph();
        p.setFirstLineIndent(2 * 12 * 20);
        p.setSpacingBetween(1.5, LineSpacingRule.AUTO);
        p.setAlignment(ParagraphAlignment.BOTH);
        run(p, text, 12, false, BODY_FONT);
    }

    private static void note(XWPFDocument docx, String text) {
        XWPFParagraph p = docx.createParagraph();
        p.setSpacingAfter(120);
        XWPFRun r = run(p, text, 9, false, BODY_FONT);
        r.setColor("555555");
    }

    private static void table(XWPFDocument docx, ReportDocument.Table t) {
        XWPFParagraph caption = docx.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingBefore(200);
        caption.setKeepNext(true);
        run(caption, t.caption(), 11, true, HEADING_FONT);

        int columns = t.headers().size();
        XWPFTable table = docx.createTable(t.rows().size() + 1, columns);
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(CONTENT_WIDTH_TWIPS));
        double total = 0;
        for (double w : t.widths()) {
            total += w;
        }
        int[] twips = new int[columns];
        for (int i = 0; i < columns; i++) {
            twips[i] = (int) Math.round(t.widths()[i] / total * CONTENT_WIDTH_TWIPS);
        }
        fillRow(table.getRow(0), t.headers(), twips, null, true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) {
            fillRow(table.getRow(r + 1), t.rows().get(r), twips, t.numeric(), false);
        }
        docx.createParagraph().setSpacingAfter(120);
    }

    private static void fillRow(XWPFTableRow row, List<String> cells, int[] twips, boolean[] numeric,
            boolean header) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            cell.setWidth(Integer.toString(twips[i]));
            if (header) {
                cell.setColor("E8E8E8");
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(header ? ParagraphAlignment.CENTER
                    : numeric != null && numeric[i] ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            run(p, cells.get(i) == null ? "" : cells.get(i), 9, header, header ? HEADING_FONT : BODY_FONT);
        }
    }

    private static void chart(XWPFDocument docx, ReportDocument.Chart c) throws IOException, InvalidFormatException {
        XWPFParagraph p = docx.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        p.setSpacingBefore(200);
        p.createRun().addPicture(new ByteArrayInputStream(c.png()), XWPFDocument.PICTURE_TYPE_PNG, "chart.png",
                Units.toEMU(c.width()), Units.toEMU(c.height()));
        XWPFParagraph caption = docx.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingAfter(200);
        run(caption, c.caption(), 10.5, false, BODY_FONT);
    }

    private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, String eastAsiaFont) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
        return r;
    }
}
