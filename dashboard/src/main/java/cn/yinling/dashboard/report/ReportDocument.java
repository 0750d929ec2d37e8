package cn.yinling.dashboard.report;

import java.util.List;

/**
 * The annual report as a sequence of blocks, independent of the file format: {@link DocxWriter} and
 * {@link PdfWriter} render the same document, so the DOCX and the PDF say the same thing.
 *
 * @param title    the report's title, e.g. 徐州市老年人口信息和老龄事业发展状况报告（2024年）
 * @param coverLines the lines under the title on the cover (publisher, data version and its date …)
 * @param blocks   the body, in order
 */
public record ReportDocument(String title, List<String> coverLines, List<Block> blocks, Metadata metadata) {

    /** Document properties written into both files (title, author, and the version the figures come from). */
    public record Metadata(String title, String author, String subject, String keywords) {
    }

    public sealed interface Block permits Heading, Paragraph, Table, Chart, Note {
    }

    /** A section (level 1) or subsection (level 2) heading. */
    public record Heading(int level, String text) implements Block {
    }

    /** Body text, one paragraph (first line indented by two characters, as Chinese reports are set). */
    public record Paragraph(String text) implements Block {
    }

    /** A small print remark under a table or chart (sources, how a figure was computed). */
    public record Note(String text) implements Block {
    }

    /**
     * A table with a caption above it; {@code numeric[i]} aligns column i to the right.
     *
     * @param widths relative column widths
     */
    public record Table(String caption, List<String> headers, List<List<String>> rows, double[] widths,
                        boolean[] numeric) implements Block {

        public Table {
            if (widths.length != headers.size() || numeric.length != headers.size()) {
                throw new IllegalArgumentException("widths and numeric must have one entry per column");
            }
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row " + row + " does not have " + headers.size() + " cells");
                }
            }
        }
    }

    /**
     * A chart drawn on the server, as PNG, with its caption below it.
     *
     * @param png    the image at {@link ChartRenderer#SCALE} times its size in points
     * @param width  width in points when printed
     * @param height height in points when printed
     * @param texts  every text drawn in the image (title, axes, labels, legend), for the glyph checks
     */
    public record Chart(String caption, byte[] png, float width, float height, List<String> texts) implements Block {
    }
}
