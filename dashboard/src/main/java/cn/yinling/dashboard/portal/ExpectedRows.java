package cn.yinling.dashboard.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A quick estimate of a file's data rows for the progress bar: its line count for CSV; unknown for XLSX. */
final class ExpectedRows {

    private ExpectedRows() {
    }

    static Long estimate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n >= 2 && buffer[0] == 'P' && buffer[1] == 'K') {
                return null;
            }
            long lines = 0;
            while (n > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                n = in.read(buffer);
            }
            // The header line is not a data row.
            return Math.max(1, lines - 1);
        } catch (IOException e) {
            return null;
        }
    }
}
