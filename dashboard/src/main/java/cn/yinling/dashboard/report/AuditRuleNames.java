package cn.yinling.dashboard.report;

import java.util.Optional;

/**
 * The Chinese names of the audit rules (A01 身故后仍发放补贴 …) for the audit section: the rule catalog's
 * ({@link ReportWiring#auditRuleNames}); {@link #CODES_ONLY} names rules by code.
 */
@FunctionalInterface
public interface AuditRuleNames {

    Optional<String> name(String rule);

    AuditRuleNames CODES_ONLY = rule -> Optional.empty();
}
