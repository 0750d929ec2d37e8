package cn.yinling.dashboard.report;

/** No font fit for the report (missing, CFF outlines, no Chinese glyphs); the message says what to install, in Chinese. */
public final class ReportFontException extends RuntimeException {

    public ReportFontException(String message) {
        super(message);
    }
}
