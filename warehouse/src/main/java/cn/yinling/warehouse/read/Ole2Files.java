package cn.yinling.warehouse.read;

import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An OLE2 compound file is never readable here: it is either a password-protected XLSX (Excel wraps those in OLE2 with
 * an EncryptionInfo stream) or a legacy .xls / .doc. The refusal says which, so the user knows what to do.
 */
final class Ole2Files {

    private Ole2Files() {
    }

    static FileRefusedException refusal(Path file) {
        boolean encrypted = false;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntry("EncryptionInfo");
        } catch (Exception e) {
            // A damaged compound file: still not readable; the generic message below applies.
        }
        if (encrypted) {
            return new FileRefusedException(RowSources.FILE_UNREADABLE,
                    "文件设置了打开密码（已加密），系统无法读取。请在 Excel 中取消密码，" + RowSources.SAVE_AS_HINT);
        }
        return new FileRefusedException(RowSources.FILE_UNREADABLE,
                "文件是旧版 Excel 97-2003（.xls）或其他 Office 格式，系统只能读取 .xlsx 和 CSV。请在 Excel 中" + RowSources.SAVE_AS_HINT);
    }
}
