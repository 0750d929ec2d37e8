package cn.yinling.dashboard.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * File names that come from users (kept for display in the manifest only) and file names the system sends back.
 * A user's name never becomes part of a path: {@code ../}, absolute paths and control characters are cut away.
 */
public final class FileNames {

    private FileNames() {
    }

    /** The last path segment, without control or reserved characters, at most 200 characters; "upload" when empty. */
    public static String displayName(String submitted) {
        if (submitted == null) {
            return "upload";
        }
        String name = submitted;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (!Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0 && Character.getType(c) != Character.FORMAT) {
                clean.appendCodePoint(c);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.length() > 200) {
            result = result.substring(result.length() - 200);
        }
        return result.isEmpty() ? "upload" : result;
    }

    /** A Content-Disposition header for a download with a Chinese name (RFC 6266 / 5987) and an ASCII fallback. */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
