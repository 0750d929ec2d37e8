package cn.yinling.warehouse.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRulesTest {

    @Test
    void catalogHoldsTheTenRulesOfTheSpecInOrder() {
        List<AuditRule> rules = AuditRules.defaults().all();
        assertEquals(List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10"),
                rules.stream().map(AuditRule::code).toList());
        assertEquals("身故后仍发放补贴", AuditRules.defaults().find("A01").orElseThrow().name());
        assertEquals(AuditRule.Subject.order, AuditRules.defaults().find("A08").orElseThrow().subject());
    }

    @Test
    void improperAmountIsMadeOfA01A04AndA05() {
        assertEquals(List.of("A01", "A04", "A05"),
                AuditRules.defaults().all().stream().filter(AuditRule::improper).map(AuditRule::code).toList());
        assertTrue(AuditRules.defaults().find("A99").isEmpty());
    }
}
