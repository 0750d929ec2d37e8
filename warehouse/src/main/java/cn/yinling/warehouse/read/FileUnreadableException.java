package cn.yinling.warehouse.read;

import java.io.IOException;

/**
 * Thrown by {@link RowSource#next()} when the file turns out to be unreadable part-way through (a corrupt sheet, a
 * decompression bomb caught while streaming, an unclosed quote in a CSV). The whole file is then refused with rule
 * FILE_UNREADABLE; the message is Chinese and says what to do.
 */
public final class FileUnreadableException extends IOException {

    public FileUnreadableException(String message) {
        super(message);
    }

    public FileUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same refusal as a {@link FileRefusedException} with rule FILE_UNREADABLE. */
    public FileRefusedException toRefusal() {
        return new FileRefusedException(RowSources.FILE_UNREADABLE, getMessage(), this);
    }
}
