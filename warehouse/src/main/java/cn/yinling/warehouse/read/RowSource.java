package cn.yinling.warehouse.read;

import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of one uploaded file, streamed in file order (a 10-million-row file is never held whole). Blank rows are
 * returned too (all cells empty), so callers can count and skip them.
 */
public interface RowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    RawRow next() throws IOException;

    FileFormat format();

    /** "UTF-8" or "GB18030" for CSV, null for XLSX. */
    String encoding();
}
