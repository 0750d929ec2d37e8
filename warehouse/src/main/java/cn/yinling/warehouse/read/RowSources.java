package cn.yinling.warehouse.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens an uploaded file by its content (not its name): XLSX (first visible sheet) or CSV in UTF-8 / GB18030. */
public final class RowSources {

    public static final String FILE_UNREADABLE = "FILE_UNREADABLE";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";

    static final String SAVE_AS_HINT = "请另存为未加密的 .xlsx 或 UTF-8 CSV 后重新上传";

    private RowSources() {
    }

    /**
     * @param maxBytes files larger than this are refused with FILE_TOO_LARGE
     * @throws FileRefusedException FILE_UNREADABLE for anything that is not a readable CSV or XLSX (binary, encrypted,
     *     corrupt, decompression bomb), FILE_TOO_LARGE over the limit
     */
    public static RowSource open(Path file, long maxBytes) throws FileRefusedException {
        return open(file, maxBytes, null);
    }

    /**
     * Like {@link #open(Path, long)}, with the {@link ByteScan} of the file's bytes already made (while the file was
     * copied): a CSV is then not read a second time to decide its encoding.
     *
     * @param scan the scan of exactly this file's content, or null
     */
    public static RowSource open(Path file, long maxBytes, ByteScan scan) throws FileRefusedException {
        long size;
        byte[] head = new byte[8];
        int headLength;
        try {
            size = Files.size(file);
            if (size > maxBytes) {
                throw new FileRefusedException(FILE_TOO_LARGE, "文件大小为 " + megabytes(size) + "，超过了 "
                        + megabytes(maxBytes) + " 的上限，请把数据拆分成几个较小的文件分别上传");
            }
            if (size == 0) {
                throw new FileRefusedException(FILE_UNREADABLE, "文件是空的，请检查后重新上传");
            }
            try (InputStream in = Files.newInputStream(file)) {
                headLength = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new FileRefusedException(FILE_UNREADABLE, "文件无法读取，请重新上传", e);
        }
        if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4
                || head[2] == 5 && head[3] == 6)) {
            return XlsxRowSource.open(file);
        }
        if (headLength >= 8 && isOle2(head)) {
            throw Ole2Files.refusal(file);
        }
        return CsvRowSource.open(file, head, headLength, scan);
    }

    private static boolean isOle2(byte[] head) {
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** 200 MB, 1.5 MB, 0.3 MB. */
    static String megabytes(long bytes) {
        double mb = bytes / (1024d * 1024d);
        if (mb == Math.rint(mb)) {
            return (long) mb + " MB";
        }
        return String.format(Locale.ROOT, "%.1f MB", Math.max(mb, 0.1));
    }
}
