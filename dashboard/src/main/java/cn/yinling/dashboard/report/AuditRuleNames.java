package cn.yinling.dashboard.report;

import java.util.Optional;

/**
 * The Chinese names of the audit rules (A01 身故后仍发放补贴 …) for the audit section. Issue #5 brings the rule catalog
 * (a resource like the KPI catalog); until it is wired in (see {@link ReportWiring#auditRuleNames}) the section
 * names rules by code.
 */
@FunctionalInterface
public interface AuditRuleNames {

    Optional<String> name(String rule);

    AuditRuleNames CODES_ONLY = rule -> Optional.empty();
}
