package cn.yinling.dashboard.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Opens written reports again, as a reader would: the DOCX with POI, the PDF with PDFBox. */
final class ReportFiles {

    private ReportFiles() {
    }

    static String docxText(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table of the DOCX as rows of cell texts. */
    static List<List<List<String>>> docxTables(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<List<List<String>>> tables = new ArrayList<>();
            for (XWPFTable table : document.getTables()) {
                List<List<String>> rows = new ArrayList<>();
                for (XWPFTableRow row : table.getRows()) {
                    rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
                }
                tables.add(rows);
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int docxPictures(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getAllPictures().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row of a table whose first cell is {@code first}. */
    static List<String> row(List<List<List<String>>> tables, String first) {
        return tables.stream().flatMap(List::stream).filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no table row starts with " + first));
    }

    /** The text of the PDF with its line breaks taken out, so that sentences set on several lines read whole. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\R", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every character drawn in the PDF checked against the font it is drawn with: the font is embedded, the
     * character code maps to a real glyph (GID 0 is .notdef, the box), it has a Unicode value, and the report's
     * font file has a glyph for that character. Returns the problems found, none when all is well.
     */
    static List<String> glyphProblems(byte[] pdf, ReportFont font) {
        List<String> problems = new ArrayList<>();
        StringBuilder drawn = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition position : positions) {
                        String where = "page " + getCurrentPageNo() + " '" + position.getUnicode() + "'";
                        PDFont used = position.getFont();
                        if (position.getUnicode() == null || position.getUnicode().isEmpty()
                                || position.getUnicode().contains("\uFFFD")) {
                            problems.add(where + ": no Unicode for codes " + Arrays.toString(position.getCharacterCodes()));
                        } else {
                            drawn.append(position.getUnicode());
                        }
                        if (!used.isEmbedded()) {
                            problems.add(where + ": font " + used.getName() + " is not embedded");
                        }
                        if (!(used instanceof PDType0Font type0)) {
                            problems.add(where + ": font " + used.getName() + " is not the report's Type 0 font");
                            continue;
                        }
                        for (int code : position.getCharacterCodes()) {
                            if (type0.codeToGID(code) == 0 || !type0.hasGlyph(code)) {
                                problems.add(where + ": code " + code + " has no glyph (.notdef box)");
                            }
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ReportFont.Loaded source = font.open()) {
            String missing = source.missingCharacters(drawn.toString());
            if (!missing.isEmpty()) {
                problems.add("characters without a glyph in " + font + ": " + missing);
            }
        }
        if (drawn.length() == 0) {
            problems.add("no text drawn at all");
        }
        return problems;
    }

    /** Renders every page to PNG under {@code folder}; returns the pages that came out blank (no dark pixel). */
    static List<Integer> renderPages(byte[] pdf, Path folder) {
        List<Integer> blank = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(folder);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 72);
                ImageIO.write(image, "png", folder.resolve("page-" + (i + 1) + ".png").toFile());
                if (!hasInk(image)) {
                    blank.add(i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blank;
    }

    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (brightness < 300) {
                    return true;
                }
            }
        }
        return false;
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
