package cn.yinling.warehouse.read;

import java.nio.file.Path;

/** Opens an uploaded file by its content (not its name): XLSX (first visible sheet) or CSV in UTF-8 / GB18030. */
public final class RowSources {

    private RowSources() {
    }

    /**
     * @param maxBytes files larger than this are refused with FILE_TOO_LARGE
     * @throws FileRefusedException FILE_UNREADABLE for anything that is not a readable CSV or XLSX (binary, encrypted,
     *     corrupt, decompression bomb), FILE_TOO_LARGE over the limit
     */
    public static RowSource open(Path file, long maxBytes) throws FileRefusedException {
        throw new UnsupportedOperationException("implemented in the read package");
    }
}
