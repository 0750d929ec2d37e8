package cn.yinling.dashboard.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The Chinese font of the annual report: embedded (as a subset) in the PDF and used for the charts, so both show
 * the same glyphs. It must have TrueType outlines: PDFBox cannot embed CFF-based OpenType fonts, which is what
 * Debian's fonts-noto-cjk are (its embedder fails with "OTF fonts do not have a glyf table"). Found through
 * {@code AGING_REPORT_FONT} (a .ttf or .ttc file; of a collection the first font is taken), or else the first
 * existing file of {@link #SEARCH_PATH}.
 */
public final class ReportFont {

    public static final String ENVIRONMENT_VARIABLE = "AGING_REPORT_FONT";

    /** Debian packages with TrueType outlines, best first: fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming. */
    public static final List<Path> SEARCH_PATH = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    /** Characters every report uses; a font lacking one of them is not a Chinese font fit for the report. */
    private static final String PROBE = "老年人口信息和老龄事业发展状况报告年度数据版本达标未达标暂无";

    private final Path file;
    private final AtomicReference<Font> awt = new AtomicReference<>();

    private ReportFont(Path file) {
        this.file = file;
    }

    /** The font named by the environment, or the first installed one of the search path. */
    public static ReportFont locate(Map<String, String> environment) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isRegularFile(path)) {
                throw new ReportFontException("环境变量 " + ENVIRONMENT_VARIABLE + " 指向的字体文件不存在：" + path
                        + "。请改为一个 TrueType 轮廓的中文字体文件（.ttf 或 .ttc），或删除该变量以使用默认字体。");
            }
            return checked(path);
        }
        List<String> searched = new ArrayList<>();
        for (Path candidate : SEARCH_PATH) {
            searched.add(candidate.toString());
            if (Files.isRegularFile(candidate)) {
                return checked(candidate);
            }
        }
        throw new ReportFontException("未找到可嵌入 PDF 的中文字体，无法生成年度报告。请安装 Debian 软件包 fonts-wqy-microhei"
                + "（apt-get install -y fonts-wqy-microhei），或设置环境变量 " + ENVIRONMENT_VARIABLE
                + " 指向一个 TrueType 轮廓的中文字体文件（.ttf 或 .ttc）。已查找：" + String.join("、", searched)
                + "。注意：fonts-noto-cjk 的字体为 CFF 轮廓，不能嵌入 PDF。");
    }

    /** Opens the file once to refuse, with the reason, a font that cannot serve (CFF outlines, no Chinese). */
    private static ReportFont checked(Path path) {
        ReportFont font = new ReportFont(path);
        try (Loaded loaded = font.open()) {
            String missing = loaded.missingCharacters(PROBE);
            if (!missing.isEmpty()) {
                throw new ReportFontException("字体 " + path + " 缺少中文字形（如「" + missing.substring(0, 1)
                        + "」），不能用于年度报告。请安装 fonts-wqy-microhei，或让 " + ENVIRONMENT_VARIABLE + " 指向中文字体。");
            }
        }
        return font;
    }

    public Path file() {
        return file;
    }

    /**
     * Opens the font for one document; the caller closes it after the document is saved (PDFBox reads the font's
     * tables when it writes the subset).
     */
    public Loaded open() {
        AutoCloseable owner = null;
        try {
            TrueTypeFont font;
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                owner = collection;
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                if (first[0] == null) {
                    throw new ReportFontException("字体文件 " + file + " 中没有字体。");
                }
                font = first[0];
            } else {
                font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                owner = font;
            }
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new ReportFontException("字体 " + file + " 为 CFF 轮廓的 OpenType 字体（如 Noto CJK），PDFBox 无法将其嵌入 PDF。"
                        + "请安装 fonts-wqy-microhei，或让 " + ENVIRONMENT_VARIABLE + " 指向 TrueType 轮廓的中文字体。");
            }
            return new Loaded(font, owner);
        } catch (IOException e) {
            closeQuietly(owner);
            throw new ReportFontException("无法读取字体文件 " + file + "（" + e.getMessage() + "）。请检查文件，或让 "
                    + ENVIRONMENT_VARIABLE + " 指向其他 TrueType 中文字体。");
        } catch (RuntimeException e) {
            closeQuietly(owner);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable owner) {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception ignored) {
                // already failing with the reason that matters
            }
        }
    }

    /** The same font for AWT (charts), at a size; created once. */
    public Font awt(float size) {
        Font base = awt.get();
        if (base == null) {
            try {
                base = Font.createFonts(file.toFile())[0];
            } catch (FontFormatException | IOException e) {
                throw new ReportFontException("Java 无法加载字体 " + file + "（" + e.getMessage() + "）。");
            }
            awt.compareAndSet(null, base);
        }
        return base.deriveFont(size);
    }

    /** A font opened for one document: the TrueType font PDFBox embeds, and its Unicode cmap. */
    public static final class Loaded implements AutoCloseable {

        private final TrueTypeFont font;
        private final AutoCloseable owner;
        private final CmapLookup cmap;

        private Loaded(TrueTypeFont font, AutoCloseable owner) throws IOException {
            this.font = font;
            this.owner = owner;
            this.cmap = font.getUnicodeCmapLookup();
        }

        public TrueTypeFont trueType() {
            return font;
        }

        /** The characters of {@code text} the font has no glyph for (GID 0, the .notdef box), each once. */
        public String missingCharacters(String text) {
            StringBuilder missing = new StringBuilder();
            text.codePoints().distinct()
                    .filter(c -> !Character.isWhitespace(c) && cmap.getGlyphId(c) == 0)
                    .forEach(missing::appendCodePoint);
            return missing.toString();
        }

        @Override
        public void close() {
            try {
                owner.close();
            } catch (Exception e) {
                throw new UncheckedIOException(new IOException("cannot close font", e));
            }
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
