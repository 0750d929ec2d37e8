package cn.yinling.warehouse.land;

/** How bad a rejection is: fatal refuses the file, error quarantines the row, warning loads it anyway. */
public enum Severity {
    fatal, error, warning
}
