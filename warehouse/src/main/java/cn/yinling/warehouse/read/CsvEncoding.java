package cn.yinling.warehouse.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a CSV file is encoded by reading all of it: a file whose first thousand lines are ASCII may carry its
 * first Chinese name on line 50,000, and a guess from a prefix would garble it. UTF-8 is taken when every byte of the
 * file is valid UTF-8 (GBK Chinese text essentially never is); otherwise the file must decode as GB18030 (a superset of
 * GBK and GB2312). Binary content (NUL bytes, many control characters, known binary signatures) is refused.
 */
final class CsvEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** The charset and the number of BOM bytes to skip. */
    record Detected(Charset charset, int bomLength) {
    }

    private static final int BUFFER = 1 << 20;

    private CsvEncoding() {
    }

    /** @param known the scan of the file's bytes made while they were copied, or null to scan the file now */
    static Detected detect(Path file, byte[] head, int headLength, ByteScan known) throws FileRefusedException {
        String binaryKind = binarySignature(head, headLength);
        if (binaryKind != null) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE,
                    "文件不是表格，看起来是" + binaryKind + "。请上传 .xlsx 文件或 CSV 文件");
        }
        if (headLength >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE,
                    "文件是 UTF-16（Unicode 文本）编码，系统无法读取。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新上传");
        }
        ByteScan scan = known;
        try {
            if (scan == null) {
                scan = scan(file);
            }
        } catch (IOException e) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, "文件无法读取，请重新上传", e);
        }
        if (scan.nulBytes() > 0 || scan.controlBytes() > 16 + scan.size() / 100) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE,
                    "文件含有二进制内容，不是 CSV 文本文件（可能是把其他文件改了扩展名）。请上传 .xlsx 文件，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”后上传");
        }
        if (scan.validUtf8()) {
            boolean bom = headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            return new Detected(StandardCharsets.UTF_8, bom ? 3 : 0);
        }
        boolean gb18030;
        try {
            gb18030 = decodesAs(file, GB18030);
        } catch (IOException e) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, "文件无法读取，请重新上传", e);
        }
        if (!gb18030) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE,
                    "文件编码无法识别（既不是 UTF-8，也不是 GBK/GB18030），中文会变成乱码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新上传");
        }
        boolean bom = headLength >= 4 && (head[0] & 0xFF) == 0x84 && head[1] == 0x31 && (head[2] & 0xFF) == 0x95
                && head[3] == 0x33;
        return new Detected(GB18030, bom ? 4 : 0);
    }

    private static String binarySignature(byte[] h, int n) {
        if (n >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F') {
            return " PDF 文件";
        }
        if (n >= 4 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G'
                || n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF
                || n >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return "图片";
        }
        if (n >= 4 && h[0] == 'R' && h[1] == 'a' && h[2] == 'r' && h[3] == '!'
                || n >= 2 && h[0] == '7' && h[1] == 'z' && n >= 3 && (h[2] & 0xFF) == 0xBC
                || n >= 2 && h[0] == 0x1F && (h[1] & 0xFF) == 0x8B) {
            return "压缩包";
        }
        return null;
    }

    /** One pass over the whole file: see {@link ByteScan}. */
    static ByteScan scan(Path file) throws IOException {
        ByteScan result = new ByteScan();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                result.update(buf, 0, n);
            }
        }
        return result;
    }

    /** True when the whole file decodes in the charset with no malformed or unmappable input. */
    static boolean decodesAs(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, eof);
                    if (result.isError()) {
                        return false;
                    }
                } while (result.isOverflow());
                bytes.compact();
            }
            chars.clear();
            return !decoder.flush(chars).isError();
        }
    }
}
