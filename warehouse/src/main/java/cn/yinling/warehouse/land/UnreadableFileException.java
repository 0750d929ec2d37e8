package cn.yinling.warehouse.land;

import java.io.IOException;

/** The uploaded file failed while its rows were being read (corrupt, truncated): the upload's fault, not ours. */
final class UnreadableFileException extends IOException {

    UnreadableFileException(Throwable cause) {
        super("the uploaded file could not be read", cause);
    }
}
