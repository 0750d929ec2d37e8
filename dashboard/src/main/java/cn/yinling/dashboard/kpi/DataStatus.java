package cn.yinling.dashboard.kpi;

/** Whether a figure can be shown: the page says 暂无数据 for no_data and 无法计算 for no_value, never a zero. */
public enum DataStatus {
    /** a value from the published version */
    ok,
    /** the row exists but its denominator is 0 */
    no_value,
    /** no row, the KPI not computed in this version, or its source feed not received yet */
    no_data
}
