package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.PublishedVersionFixture;
import java.nio.file.Path;

/**
 * The audit fixture (test resources cn/yinling/dashboard/audit, cases and figures worked out there): the vault and
 * versions 1 (findings f1, f2, f4, f5, f6) and 2 (f1, f3, f4, f5, f6) over the dashboard's tiny city.
 */
public final class AuditFixture {

    public static final String[] VERSION_1 = {"mart_kpi_v1.sql", "audit/findings_common.sql", "audit/findings_v1.sql"};
    public static final String[] VERSION_2 = {"mart_kpi_v1.sql", "audit/findings_common.sql", "audit/findings_v2.sql"};
    /** A version published before the audit ran: no audit tables at all. */
    public static final String[] WITHOUT_AUDIT = {"mart_kpi_v1.sql"};

    private final PublishedVersionFixture versions;

    public AuditFixture(Path home) {
        this.versions = new PublishedVersionFixture(home);
    }

    /** The vault, then version 1. */
    public AuditFixture firstVersion() {
        versions.writeVault("audit/vault.sql");
        versions.publish(1, VERSION_1);
        return this;
    }

    public AuditFixture publish(int number, String... scripts) {
        versions.publish(number, scripts);
        return this;
    }
}
