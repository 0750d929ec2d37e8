package cn.yinling.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Rows of one feed file as a unit would send it. Cells are String (null or empty = empty cell), {@link LocalDate}
 * (an Excel date cell in XLSX) or Number. Every method returns the row number the user sees: the Excel row, or the
 * 1-based CSV line.
 */
interface TableSink extends Closeable {

    int row(Object... cells) throws IOException;

    /** An empty row (skipped by readers; neither data nor footer). */
    int blank() throws IOException;

    /** Bytes or rows written so far are not needed by callers; the last row number written. */
    int lastRow();

    @Override
    void close() throws IOException;
}
