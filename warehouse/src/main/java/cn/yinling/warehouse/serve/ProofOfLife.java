package cn.yinling.warehouse.serve;

import java.time.LocalDate;

/**
 * One longevity-allowance recipient of a month in mart_proof_of_life, with the names of the street and community
 * the recipient is attributed to.
 *
 * @param status         {@code auto_verified} or {@code needs_visit}
 * @param evidenceDate   the latest evidence of life, null when there is none
 * @param evidenceSource the feed of that evidence (pension, health_checkup, service_order, care_visit, ltc_benefit)
 */
public record ProofOfLife(
        String personKey,
        String month,
        String regionCode,
        String regionName,
        String districtCode,
        String districtName,
        String streetCode,
        String streetName,
        String communityCode,
        String communityName,
        String status,
        LocalDate evidenceDate,
        String evidenceSource,
        String evidence) {
}
