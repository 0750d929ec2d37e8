package cn.yinling.warehouse.serve;

/**
 * Which findings to read: each part null for no restriction.
 *
 * @param month  {@code YYYY-MM}
 * @param region a region of any level: the findings attributed to it or below it
 */
public record AuditFilter(String rule, String month, String region) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null);
    }
}
