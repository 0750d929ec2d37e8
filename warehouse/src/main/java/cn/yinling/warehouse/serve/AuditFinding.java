package cn.yinling.warehouse.serve;

import java.math.BigDecimal;

/**
 * One row of a version's audit_finding with its region's name (no name or ID number: the person is a person_key).
 *
 * @param month       {@code YYYY-MM}
 * @param orderId     null for the rules about persons
 * @param regionLevel 2 city … 5 community: the finest region the case is attributed to
 * @param amount      null when the rule has no amount
 * @param evidence    the facts that triggered the rule, in Chinese
 * @param evidenceJson the same facts as a JSON object (English keys)
 */
public record AuditFinding(
        String findingId,
        String rule,
        String month,
        String personKey,
        String orderId,
        String regionCode,
        String regionName,
        int regionLevel,
        String districtCode,
        String streetCode,
        String communityCode,
        BigDecimal amount,
        String evidence,
        String evidenceJson) {
}
