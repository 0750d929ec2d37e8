package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The audit rules on the generated city ({@link GeneratedCity}) against the generator's truth: truth/audit.csv lists
 * every case the rules must find (planted ones; the city's own data raises none), truth/audit_near_misses.csv the
 * cases that must raise no finding of their rule. A finding matches a case on rule, month, person (person_key of the
 * ID number with the run's secret) and order id. Precision and recall per rule are printed and must both be 1.
 */
class AuditPrecisionRecallTest {

    @Test
    void everyRuleFindsExactlyThePlantedCases() {
        GeneratedCity city = GeneratedCity.get();
        Map<String, Map<String, Integer>> planted = new HashMap<>();
        for (String[] c : city.truth("truth/audit.csv")) {
            planted.computeIfAbsent(c[0], r -> new HashMap<>()).merge(key(c[1], city.personKey(c[2]), c[3]), 1, Integer::sum);
        }
        Map<String, Map<String, Integer>> found = new HashMap<>();
        for (Row f : city.table("audit_finding").collectAsList()) {
            String order = f.getAs("order_id");
            found.computeIfAbsent(f.getAs("rule"), r -> new HashMap<>()).merge(
                    key(f.getAs("month").toString().substring(0, 7), f.getAs("person_key"), order == null ? "" : order),
                    1, Integer::sum);
        }

        System.out.println("audit rules on the generated city (scale " + GeneratedCity.SCALE + ", " + GeneratedCity.FROM
                + ".." + GeneratedCity.TO + ")");
        System.out.printf("%-5s %-16s %8s %6s %4s %10s %7s%n", "rule", "name", "planted", "found", "TP", "precision",
                "recall");
        List<String> failures = new ArrayList<>();
        for (AuditRule rule : AuditRules.defaults().all()) {
            Map<String, Integer> truth = planted.getOrDefault(rule.code(), Map.of());
            Map<String, Integer> hits = found.getOrDefault(rule.code(), Map.of());
            int plantedCount = truth.values().stream().mapToInt(Integer::intValue).sum();
            int foundCount = hits.values().stream().mapToInt(Integer::intValue).sum();
            int truePositives = 0;
            for (Map.Entry<String, Integer> e : truth.entrySet()) {
                truePositives += Math.min(e.getValue(), hits.getOrDefault(e.getKey(), 0));
            }
            double precision = foundCount == 0 ? Double.NaN : truePositives / (double) foundCount;
            double recall = plantedCount == 0 ? Double.NaN : truePositives / (double) plantedCount;
            System.out.printf("%-5s %-16s %8d %6d %4d %10.3f %7.3f%n", rule.code(), rule.name(), plantedCount,
                    foundCount, truePositives, precision, recall);
            if (plantedCount == 0 || precision != 1.0 || recall != 1.0) {
                failures.add(rule.code() + ": planted " + plantedCount + ", found " + foundCount + ", true positives "
                        + truePositives + "; missed " + difference(truth, hits) + ", not planted " + difference(hits, truth));
            }
        }
        assertEquals(List.of(), failures, "every rule planted, precision and recall 1");
    }

    @Test
    void nearMissesRaiseNoFindingOfTheirRule() {
        GeneratedCity city = GeneratedCity.get();
        Map<String, Map<String, Integer>> found = new HashMap<>();
        for (Row f : city.table("audit_finding").collectAsList()) {
            String order = f.getAs("order_id");
            found.computeIfAbsent(f.getAs("rule"), r -> new HashMap<>()).merge(
                    key(f.getAs("month").toString().substring(0, 7), f.getAs("person_key"), order == null ? "" : order),
                    1, Integer::sum);
        }
        List<String[]> nearMisses = city.truth("truth/audit_near_misses.csv");
        Map<String, Integer> perRule = new java.util.TreeMap<>();
        List<String> fired = new ArrayList<>();
        for (String[] n : nearMisses) {
            perRule.merge(n[0], 1, Integer::sum);
            if (found.getOrDefault(n[0], Map.of()).containsKey(key(n[1], city.personKey(n[2]), n[3]))) {
                fired.add(String.join(",", n));
            }
        }
        System.out.println("near misses checked per rule: " + perRule);
        assertEquals(List.of(), fired, "near misses that raised a finding");
        assertEquals(AuditRules.defaults().all().size(), perRule.size(), "a near miss of every rule");
        assertTrue(nearMisses.stream().anyMatch(n -> n[4].contains("exactly 10 minutes")));
        assertTrue(nearMisses.stream().anyMatch(n -> n[4].contains("moved within the city")));
        assertTrue(nearMisses.stream().anyMatch(n -> n[4].contains("back to back")));
        assertTrue(nearMisses.stream().anyMatch(n -> n[4].contains("turns 80 on the pay month's last day")));
        assertTrue(nearMisses.stream().anyMatch(n -> n[4].contains("paid for the month of death")));
    }

    private static String key(String month, String personKey, String orderId) {
        return month + "|" + personKey + "|" + orderId;
    }

    private static List<String> difference(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> out = new ArrayList<>();
        a.forEach((k, n) -> {
            for (int i = b.getOrDefault(k, 0); i < n; i++) {
                out.add(k.substring(0, Math.min(k.length(), 30)));
            }
        });
        return out;
    }
}
